import type { Definition, LinkReference, Paragraph } from 'mdast'
import { describe, expect, test } from 'vitest'
import { find, get, isElement, textOf } from '../../helpers/element.js'
import { at, mapper, t } from '../setup.js'

const ref = (identifier: string): LinkReference => ({
  type: 'linkReference',
  identifier,
  label: identifier,
  referenceType: 'full',
  children: [t('our site')],
  position: at(4, 2),
})
const def = (identifier: string, url: string): Definition => ({ type: 'definition', identifier, url })

function render(node: LinkReference, ...defs: Definition[]) {
  const p: Paragraph = { type: 'paragraph', children: [node] }
  const { state } = mapper([p, ...defs])
  return { el: state.one(node, p), state }
}

describe('linkReference', () => {
  test('resolves through its definition to a LINK', () => {
    const { el, state } = render(ref('site'), def('site', 'https://example.com'))
    expect(isElement(el) && el.type).toBe('LINK')
    expect(get(el, 'LINK').props.src).toBe('https://example.com')
    expect(textOf(el)).toBe('our site')
    expect(state.warnings).toEqual([])
  })

  test('matches the definition by normalised label', () => {
    const { el } = render(ref('Our  Site'), def('our site', 'mailto:hi@example.com'))
    expect(get(el, 'LINK').props.src).toBe('mailto:hi@example.com')
  })

  test('without a definition: its text as plain TEXT and a warning at its line', () => {
    const { el, state } = render(ref('missing'), def('other', 'https://example.com'))
    expect(find(el, 'LINK')).toBeUndefined()
    expect(textOf(el)).toBe('our site')
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toMatchObject({ line: 4, column: 2 })
    expect(state.warnings[0]!.message).toContain('"missing"')
  })

  test('a definition with an unsafe scheme gives plain text and a warning', () => {
    const { el, state } = render(ref('x'), def('x', 'javascript:alert(1)'))
    expect(find(el, 'LINK')).toBeUndefined()
    expect(textOf(el)).toBe('our site')
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]!.message).toContain('javascript:alert(1)')
  })
})
