import type { Table, TableRow } from 'mdast'
import { describe, expect, test } from 'vitest'
import { rowBridges } from '../../src/map/row-bridges.js'
import { mapper, t } from './setup.js'

const row = (...texts: string[]): TableRow => ({
  type: 'tableRow',
  children: texts.map((text) => ({ type: 'tableCell', children: [t(text)] })),
})

describe('rowBridges', () => {
  test('one run of spaces leads to each cell after the first, ending just before its text', () => {
    const node: Table = { type: 'table', align: ['left', 'right'], children: [row('Skill', 'Years'), row('TypeScript', '7')] }
    const { state } = mapper([node])
    state.table = node
    const bridges = rowBridges(state, node.children[1]!)
    expect(bridges.map((b) => b.column)).toEqual([1])
    const space = state.measure(' ', state.theme.size.body)
    // The spaces fill the gap between "TypeScript" and the right-aligned "7" to within a space and the clearances.
    const pad = state.theme.table.cellPadding
    const typescriptEnd = pad + state.measure('TypeScript', state.theme.size.body)
    const gap = bridges[0]!.right - typescriptEnd
    expect(gap - bridges[0]!.count * space).toBeGreaterThanOrEqual(0)
    expect(gap - bridges[0]!.count * space).toBeLessThan(space + 1)
  })

  test("a bridge leads from a one-line cell to the next cell's first line; none leaves a wrapped cell or reaches a wrapped right-aligned one", () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')
    const node: Table = {
      type: 'table',
      align: ['left', 'left', 'right', 'left'],
      children: [row('a', 'b', 'c', 'd'), row('x', long, '7', 'y'), row('x', 'short', long, 'y')],
    }
    const { state } = mapper([node])
    expect(rowBridges(state, node.children[0]!)).toEqual([])
    state.table = node
    expect(rowBridges(state, node.children[1]!).map((b) => b.column)).toEqual([1, 3])
    expect(rowBridges(state, node.children[2]!).map((b) => b.column)).toEqual([1])
  })
})
