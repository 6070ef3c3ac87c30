import type { List, ListItem } from 'mdast'
import type { ReactNode } from 'react'
import { describe, expect, test } from 'vitest'
import { childrenOf, find, findAll, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper, t } from '../setup.js'

const item = (text: string, checked?: boolean | null, spread = false): ListItem => ({
  type: 'listItem',
  checked,
  spread,
  children: [{ type: 'paragraph', children: [t(text)] }],
})
const list = (items: ListItem[], spread = false, ordered = false): List => ({ type: 'list', ordered, spread, children: items })

/** Map the list and return its item rows. */
function rows(node: List): ReactNode[] {
  const { state, tree } = mapper([node])
  return childrenOf(state.one(node, tree))
}

describe('listItem', () => {
  test('is a row: marker column, then the content', () => {
    const node = list([item('Milk')])
    const [row] = rows(node)
    expect(isElement(row) && row.type).toBe('VIEW')
    expect(styleOf(row).flexDirection).toBe('row')
    const [markerColumn, content] = childrenOf(row)
    expect(styleOf(markerColumn).width).toBe(classic.list.markerWidth)
    expect(textOf(markerColumn)).toBe(classic.list.bullets[0])
    expect(textOf(content)).toBe('Milk')
  })

  test('a checked task draws an SVG box with a tick and no "[x]" text', () => {
    const [row] = rows(list([item('Done', true)]))
    const svg = find(row, 'SVG')
    expect(svg).toBeDefined()
    expect(svg!.props.width).toBe(classic.checkbox.size)
    expect(findAll(svg, 'RECT')).toHaveLength(1)
    expect(findAll(svg, 'PATH')).toHaveLength(1)
    expect(textOf(row)).toBe('Done')
    expect(textOf(row)).not.toMatch(/\[[ xX]\]/)
  })

  test('an unchecked task draws the box without a tick and no "[ ]" text', () => {
    const [row] = rows(list([item('Todo', false)]))
    const svg = find(row, 'SVG')
    expect(svg).toBeDefined()
    expect(findAll(svg, 'RECT')).toHaveLength(1)
    expect(find(svg, 'PATH')).toBeUndefined()
    expect(textOf(row)).toBe('Todo')
  })

  test('task items have no bullet; plain items (checked null) have no box', () => {
    const [task, plain] = rows(list([item('a', true), item('b', null)]))
    expect(textOf(childrenOf(task)[0])).toBe('')
    expect(find(plain, 'SVG')).toBeUndefined()
    expect(textOf(childrenOf(plain)[0])).toBe(classic.list.bullets[0])
  })

  test('a task in an ordered list shows its box instead of a number', () => {
    const [row] = rows(list([item('a', false)], false, true))
    expect(find(row, 'SVG')).toBeDefined()
    expect(textOf(row)).toBe('a')
  })

  test('tight items are spaced by listItem, spread ones by paragraph; the first has no space above', () => {
    const tight = rows(list([item('a'), item('b'), item('c')]))
    expect(tight.map((r) => styleOf(r).marginTop)).toEqual([0, classic.space.listItem, classic.space.listItem])
    const loose = rows(list([item('a'), item('b')], true))
    expect(loose.map((r) => styleOf(r).marginTop)).toEqual([0, classic.space.paragraph])
    const oneSpread = rows(list([item('a'), item('b', undefined, true)]))
    expect(styleOf(oneSpread[1]).marginTop).toBe(classic.space.paragraph)
    for (const r of [...tight, ...loose]) expect(styleOf(r).marginBottom).toBeUndefined()
  })

  test('a short item is kept whole on one page; a very long one may split', () => {
    const [short] = rows(list([item('a short item')]))
    expect(isElement(short) && short.props.wrap).toBe(false)
    const [long] = rows(list([item('word '.repeat(600))]))
    expect(isElement(long) && long.props.wrap).toBe(true)
  })

  test('items are indented until the nesting passes the theme maximum', () => {
    const node = list([item('a')])
    const { state, tree } = mapper([node])
    state.depth.list = classic.list.maxDepth - 1
    const shallow = childrenOf(state.one(node, tree))[0]
    expect(styleOf(shallow).paddingLeft).toBe(classic.list.indent)
    state.depth.list = classic.list.maxDepth
    const deep = childrenOf(state.one(node, tree))[0]
    expect(styleOf(deep).paddingLeft).toBe(0)
  })

  test('an item mapped outside a list still gets a bullet', () => {
    const node = item('stray')
    const { state } = mapper([list([node])])
    const el = state.one(node)
    expect(textOf(childrenOf(el)[0])).toBe('•')
    expect(textOf(el)).toBe('•stray')
  })
})
