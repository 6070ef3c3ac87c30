import type { List, ListItem, Paragraph, TableRow } from 'mdast'
import { describe, expect, test } from 'vitest'
import { childrenOf, isElement, styleOf } from '../helpers/element.js'
import { estimatedLines, keepsWhole } from '../../src/map/keep.js'
import { nestingIndents } from '../../src/map/nesting.js'
import { classic, mapper, t } from './setup.js'

const para = (text: string): Paragraph => ({ type: 'paragraph', children: [t(text)] })
const item = (...children: ListItem['children']): ListItem => ({ type: 'listItem', spread: false, children })
const list = (...items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items })

describe('nestingIndents', () => {
  test('indents until the theme maxDepth, and only while the text keeps list.minWidth', () => {
    const { state } = mapper([])
    expect(nestingIndents(state, classic.list.maxDepth, 20)).toBe(true)
    expect(nestingIndents(state, classic.list.maxDepth + 1, 20)).toBe(false)
    state.width = classic.list.minWidth + 19
    expect(nestingIndents(state, 1, 20)).toBe(false)
    state.width = classic.list.minWidth + 20
    expect(nestingIndents(state, 1, 20)).toBe(true)
  })
})

describe('deep list items', () => {
  test('an item past the theme depth moves its marker column under its parent’s, so its text keeps the parent’s width', () => {
    const node = list(item(para('deep')))
    const { state, tree } = mapper([node])
    state.depth.list = classic.list.maxDepth
    const before = state.width
    let inner = 0
    state.measure = (text, size) => {
      inner = state.width
      return text.length * size * 0.5
    }
    const [row] = childrenOf(state.one(node, tree))
    expect(styleOf(row)).toMatchObject({ paddingLeft: 0, marginLeft: -(classic.list.markerWidth + classic.list.markerGap) })
    expect(inner).toBe(before)
    expect(state.width).toBe(before)
  })

  test('a top-level item in a column too narrow to indent keeps its own marker column', () => {
    const node = list(item(para('narrow')))
    const { state, tree } = mapper([node])
    state.width = classic.list.minWidth
    const [row] = childrenOf(state.one(node, tree))
    expect(styleOf(row)).toMatchObject({ paddingLeft: 0, marginLeft: 0 })
  })

  test('nested a hundred deep, the text column never gets narrower than list.minWidth less one step', () => {
    let node: List = list(item(para('bottom')))
    for (let i = 0; i < 100; i++) node = list(item(para(`level ${i}`), node))
    const { state, tree } = mapper([node])
    let narrowest = Infinity
    state.measure = (text, size) => {
      narrowest = Math.min(narrowest, state.width)
      return text.length * size * 0.5
    }
    state.one(node, tree)
    expect(narrowest).toBeGreaterThanOrEqual(
      classic.list.minWidth - classic.list.indent - classic.list.markerWidth - classic.list.markerGap,
    )
  })
})

describe('keeping blocks whole', () => {
  test('a block is kept whole only when it is short and takes at most half a page', () => {
    const { state } = mapper([])
    state.height = 700
    const line = classic.size.body * classic.leading.body
    expect(keepsWhole(state, 6, 6)).toBe(true)
    expect(keepsWhole(state, 7, 6)).toBe(false)
    expect(keepsWhole(state, Math.floor(350 / line), 1000)).toBe(true)
    expect(keepsWhole(state, Math.floor(350 / line) + 1, 1000)).toBe(false)
  })

  test('estimated lines count each paragraph and nested item, and code lines that wrap', () => {
    const { state } = mapper([])
    state.width = 100
    state.measure = (text) => text.length * 10
    expect(estimatedLines(state, para('x'.repeat(25)))).toBe(3)
    expect(estimatedLines(state, item(para('a'), list(item(para('b')), item(para('c')))))).toBe(3)
    expect(estimatedLines(state, { type: 'code', value: 'one\ntwo' })).toBe(2)
    expect(estimatedLines(state, { type: 'code', value: 'x'.repeat(400) })).toBeGreaterThan(1)
    expect(estimatedLines(state, { type: 'html', value: '<div>\n\n\n</div>' })).toBe(0)
  })

  test('a table row taller than half a page may split, whatever keepListItemLines allows', () => {
    const row: TableRow = {
      type: 'tableRow',
      children: [
        { type: 'tableCell', children: [t('short')] },
        { type: 'tableCell', children: [t('word '.repeat(700))] },
      ],
    }
    const { state, tree } = mapper([{ type: 'table', children: [row] }])
    state.theme = { ...classic, pagination: { ...classic.pagination, keepListItemLines: 40 } }
    const el = state.one(row, tree.children[0] as never)
    expect(isElement(el) && el.props.wrap).toBe(true)
  })
})
