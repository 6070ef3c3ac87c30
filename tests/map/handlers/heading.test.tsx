import type { Heading } from 'mdast'
import { describe, expect, test } from 'vitest'
import { get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper, t } from '../setup.js'

const heading = (depth: Heading['depth'], ...children: Heading['children']): Heading => ({ type: 'heading', depth, children })

describe('heading', () => {
  test.each([1, 2, 3, 4, 5, 6] as const)('depth %i takes the theme size for its depth and is bold', (depth) => {
    const node = heading(depth, t('Section'))
    const { state, tree } = mapper([node])
    const el = state.one(node, tree)
    expect(isElement(el) && el.type).toBe('TEXT')
    const style = styleOf(get(el, 'TEXT'))
    expect(style.fontSize).toBe(classic.size.heading[depth - 1])
    expect(style.fontWeight).toBe(700)
    expect((style.fontFamily as string[])[0]).toBe(classic.fonts.heading)
    expect(textOf(el)).toBe('Section')
  })

  test('sizes shrink from depth 1 to depth 3', () => {
    const sizes = ([1, 2, 3] as const).map((d) => {
      const node = heading(d, t('x'))
      const { state, tree } = mapper([node])
      return styleOf(get(state.one(node, tree), 'TEXT')).fontSize as number
    })
    expect(sizes[0]).toBeGreaterThan(sizes[1]!)
    expect(sizes[1]).toBeGreaterThan(sizes[2]!)
  })

  test('depths 1–2 use the accent colour, deeper ones the text colour; 5–6 are italic', () => {
    const style = (d: Heading['depth']) => {
      const node = heading(d, t('x'))
      const { state, tree } = mapper([node])
      return styleOf(get(state.one(node, tree), 'TEXT'))
    }
    expect(style(1).color).toBe(classic.colors.accent)
    expect(style(2).color).toBe(classic.colors.accent)
    expect(style(3).color).toBe(classic.colors.text)
    expect(style(4).fontStyle).toBe('normal')
    expect(style(5).fontStyle).toBe('italic')
    expect(style(6).fontStyle).toBe('italic')
  })

  test('maps inline children and keeps itself with what follows', () => {
    const node = heading(2, t('Plan '), { type: 'emphasis', children: [t('B')] })
    const { state, tree } = mapper([node])
    const el = get(state.one(node, tree), 'TEXT')
    expect(textOf(el)).toBe('Plan B')
    expect(el.props.minPresenceAhead).toBeGreaterThan(0)
    expect(state.warnings).toEqual([])
  })
})
