import type { FootnoteDefinition, FootnoteReference, Paragraph } from 'mdast'
import { describe, expect, test } from 'vitest'
import { get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { at, classic, mapper, t } from '../setup.js'

const def = (identifier: string): FootnoteDefinition => ({
  type: 'footnoteDefinition',
  identifier,
  children: [{ type: 'paragraph', children: [t(`note ${identifier}`)] }],
})
const ref = (identifier: string, line = 1): FootnoteReference => ({
  type: 'footnoteReference',
  identifier,
  label: identifier,
  position: at(line, 7),
})

describe('footnoteReference', () => {
  test('is a small raised number', () => {
    const r = ref('a')
    const p: Paragraph = { type: 'paragraph', children: [t('Claim'), r] }
    const { state } = mapper([p, def('a')])
    const el = state.one(r, p)
    expect(isElement(el) && el.type).toBe('TEXT')
    expect(textOf(el)).toBe('1')
    const style = styleOf(get(el, 'TEXT'))
    expect(style.fontSize).toBe(classic.size.footnoteMark)
    expect(style.verticalAlign).toBe('super')
  })

  test('numbers notes in the order first cited, and repeats keep their number', () => {
    const refs = [ref('second'), ref('first'), ref('second'), ref('third'), ref('first')]
    const p: Paragraph = { type: 'paragraph', children: refs }
    // Definitions in a different order from the citations: the citation order wins.
    const { state } = mapper([p, def('first'), def('second'), def('third')])
    expect(refs.map((r) => textOf(state.one(r, p)))).toEqual(['1', '2', '1', '3', '2'])
    expect(state.footnotes.order).toEqual(['second', 'first', 'third'])
    expect(state.warnings).toEqual([])
  })

  test('matches its definition by normalised label', () => {
    const r: FootnoteReference = { type: 'footnoteReference', identifier: 'My Note', label: 'My Note' }
    const p: Paragraph = { type: 'paragraph', children: [r] }
    const { state } = mapper([p, def('my note')])
    expect(textOf(state.one(r, p))).toBe('1')
    expect(state.footnotes.order).toEqual(['my note'])
  })

  test('without a definition: nothing drawn, a warning at its line, and no number used up', () => {
    const missing = ref('ghost', 9)
    const present = ref('real', 10)
    const p: Paragraph = { type: 'paragraph', children: [missing, present] }
    const { state } = mapper([p, def('real')])
    expect(state.one(missing, p)).toBeNull()
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toMatchObject({ line: 9, column: 7 })
    expect(state.warnings[0]!.message).toContain('[^ghost]')
    expect(textOf(state.one(present, p))).toBe('1')
    expect(state.footnotes.order).toEqual(['real'])
  })
})
