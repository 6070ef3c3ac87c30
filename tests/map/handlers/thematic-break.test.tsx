import type { ThematicBreak } from 'mdast'
import { describe, expect, test } from 'vitest'
import { childrenOf, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper } from '../setup.js'

describe('thematicBreak', () => {
  test('is an empty VIEW with a bottom border in the rule colour', () => {
    const node: ThematicBreak = { type: 'thematicBreak' }
    const { state, tree } = mapper([node])
    const el = state.one(node, tree)
    expect(isElement(el) && el.type).toBe('VIEW')
    const style = styleOf(el)
    expect(style.borderBottomWidth).toBe(classic.rule.width)
    expect(style.borderBottomWidth).toBeGreaterThan(0)
    expect(style.borderBottomColor).toBe(classic.colors.rule)
    expect(style.marginBottom).toBeUndefined()
    expect(style.paddingTop).toBe(classic.space.block / 2)
    expect(childrenOf(el)).toEqual([])
    expect(textOf(el)).toBe('')
  })
})
