import type { Paragraph, RootContent } from 'mdast'
import { describe, expect, test } from 'vitest'
import { find, textOf } from '../../helpers/element.js'
import { at, mapper, t } from '../setup.js'

const odd = (node: object) => node as unknown as RootContent

describe('unknown', () => {
  test('an unknown node with children warns at its line and keeps its text', () => {
    const node = odd({ type: 'mystery', children: [t('x')], position: at(7, 3) })
    const { state, tree } = mapper([node])
    const out = state.one(node, tree)
    expect(textOf(out)).toBe('x')
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toMatchObject({ line: 7, column: 3, source: 'letterpress:map' })
    expect(state.warnings[0]!.message).toContain('"mystery"')
    expect(state.warnings[0]!.message).toContain('kept')
  })

  test('its children are mapped through their own handlers', () => {
    const node = odd({ type: 'callout', children: [t('a\nb '), { type: 'strong', children: [t('c')] }] })
    const { state, tree } = mapper([node])
    const out = state.one(node, tree)
    expect(textOf(out)).toBe('a b c')
    expect(find(out, 'TEXT')).toBeDefined()
  })

  test('a childless unknown node does not throw, renders nothing and warns', () => {
    const node = odd({ type: 'mystery', position: at(2) })
    const { state, tree } = mapper([node])
    expect(() => state.one(node, tree)).not.toThrow()
    expect(state.one(node, tree)).toBeNull()
    expect(state.warnings[0]).toMatchObject({ line: 2 })
    expect(state.warnings[0]!.message).toContain('left out')
  })

  test('an unknown literal node keeps its value', () => {
    const node = odd({ type: 'math', value: 'E = mc^2' })
    const { state, tree } = mapper([node])
    expect(state.one(node, tree)).toBe('E = mc^2')
    expect(state.warnings).toHaveLength(1)
  })

  test('an unknown inline node inside a paragraph keeps its text in the line', () => {
    const node = odd({ type: 'mention', children: [t('@ada')] })
    const p = { type: 'paragraph', children: [t('cc '), node, t(' please')] } as Paragraph
    const { state, tree } = mapper([p])
    expect(textOf(state.one(p, tree))).toBe('cc @ada please')
    expect(state.warnings).toHaveLength(1)
  })
})
