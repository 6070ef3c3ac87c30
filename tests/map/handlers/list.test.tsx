import type { List, ListItem } from 'mdast'
import type { ReactNode } from 'react'
import { describe, expect, test } from 'vitest'
import { childrenOf, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper, t } from '../setup.js'

const item = (text: string, ...more: ListItem['children']): ListItem => ({
  type: 'listItem',
  spread: false,
  children: [{ type: 'paragraph', children: [t(text)] }, ...more],
})
const list = (ordered: boolean, items: ListItem[], start?: number): List => ({
  type: 'list',
  ordered,
  start,
  spread: false,
  children: items,
})

/** The marker text of each item of a mapped list (the item's first column). */
const markers = (el: ReactNode) => childrenOf(el).map((row) => textOf(childrenOf(row)[0]))

describe('list', () => {
  test('is a VIEW with one row per item', () => {
    const node = list(false, [item('a'), item('b'), item('c')])
    const { state, tree } = mapper([node])
    const el = state.one(node, tree)
    expect(isElement(el) && el.type).toBe('VIEW')
    expect(childrenOf(el)).toHaveLength(3)
    expect(childrenOf(el).map((row) => textOf(childrenOf(row)[1]))).toEqual(['a', 'b', 'c'])
  })

  test('an ordered list numbers from its start', () => {
    const node = list(true, [item('seven'), item('eight')], 7)
    const { state, tree } = mapper([node])
    expect(markers(state.one(node, tree))).toEqual(['7.', '8.'])
  })

  test('an ordered list without start numbers from 1, and start 0 from 0', () => {
    const from1 = list(true, [item('a'), item('b'), item('c')])
    const from0 = list(true, [item('a'), item('b')], 0)
    const { state, tree } = mapper([from1, from0])
    expect(markers(state.one(from1, tree))).toEqual(['1.', '2.', '3.'])
    expect(markers(state.one(from0, tree))).toEqual(['0.', '1.'])
  })

  test('bullets change with nesting depth and cycle through the theme bullets', () => {
    // Four levels: • ◦ ▪ and then • again.
    const l4 = list(false, [item('four')])
    const l3 = list(false, [item('three', l4)])
    const l2 = list(false, [item('two', l3)])
    const l1 = list(false, [item('one', l2)])
    const { state, tree } = mapper([l1])
    const el = state.one(l1, tree)
    const levels: string[] = []
    let current: ReactNode = el
    while (isElement(current) && current.type === 'VIEW' && childrenOf(current).length) {
      const row = childrenOf(current)[0]
      levels.push(textOf(childrenOf(row)[0]))
      // The item's content column: paragraph, then the nested list (if any).
      current = childrenOf(childrenOf(row)[1])[1]
    }
    const [b1, b2, b3] = classic.list.bullets
    expect(levels).toEqual([b1, b2, b3, b1])
    expect(new Set(levels.slice(0, 3)).size).toBe(3)
    expect(state.depth.list).toBe(0)
  })

  test('a nested ordered list inside a bulleted one numbers on its own', () => {
    const inner = list(true, [item('x'), item('y')], 3)
    const outer = list(false, [item('outer', inner)])
    const { state, tree } = mapper([outer])
    const el = state.one(outer, tree)
    const row = childrenOf(el)[0]
    expect(textOf(childrenOf(row)[0])).toBe(classic.list.bullets[0])
    expect(markers(childrenOf(childrenOf(row)[1])[1])).toEqual(['3.', '4.'])
  })

  test('a top-level list has block spacing above (none as the first block); a nested one a little above', () => {
    const inner = list(false, [item('x')])
    const outer = list(false, [item('outer', inner)])
    const { state, tree } = mapper([{ type: 'paragraph', children: [] }, outer])
    const el = state.one(outer, tree)
    expect(styleOf(el).marginTop).toBe(classic.space.block)
    expect(styleOf(state.one(outer, { type: 'root', children: [outer] })).marginTop).toBe(0)
    const nested = childrenOf(childrenOf(childrenOf(el)[0])[1])[1]
    expect(styleOf(nested)).toMatchObject({ marginTop: classic.space.listItem })
    expect(styleOf(nested).marginBottom).toBeUndefined()
  })
})
