import type { Table, TableRow } from 'mdast'
import { describe, expect, test } from 'vitest'
import { shareWidths, tableWidths } from '../../src/map/table-widths.js'
import { classic, mapper, t } from './setup.js'

const row = (...texts: string[]): TableRow => ({
  type: 'tableRow',
  children: texts.map((text) => ({ type: 'tableCell', children: [t(text)] })),
})
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('shareWidths', () => {
  test('text that fits on one line per cell gets exactly its width (the table is no wider)', () => {
    expect(
      shareWidths(
        [
          { min: 10, max: 30 },
          { min: 5, max: 5 },
        ],
        100,
      ),
    ).toEqual([30, 5])
  })

  test('otherwise every column gets its longest word and the spare goes by how much more text it holds', () => {
    const widths = shareWidths(
      [
        { min: 20, max: 220 },
        { min: 10, max: 10 },
        { min: 10, max: 60 },
      ],
      130,
    )
    expect(sum(widths)).toBeCloseTo(130)
    expect(widths[1]).toBe(10)
    // 90 spare points shared 200 : 0 : 50.
    expect(widths[0]).toBeCloseTo(20 + 72)
    expect(widths[2]).toBeCloseTo(10 + 18)
  })

  test('words wider than the table shrink evenly to fit', () => {
    expect(
      shareWidths(
        [
          { min: 100, max: 100 },
          { min: 300, max: 300 },
        ],
        200,
      ),
    ).toEqual([50, 150])
  })
})

describe('tableWidths', () => {
  test('a long cell widens its column, short columns keep their words, and the table stays inside the column', () => {
    const long = 'Built compilers, command-line tools and a PDF renderer over many years of careful work for clients'
    const node: Table = {
      type: 'table',
      align: [],
      children: [row('Skill', 'Description', 'Years'), row('TypeScript', long, '7'), row('Go', 'Services', '3')],
    }
    const { state } = mapper([node])
    const widths = tableWidths(state, node)
    const inset = 3 * (2 * classic.table.cellPadding + classic.table.borderWidth) + classic.table.borderWidth
    expect(sum(widths) + inset).toBeCloseTo(state.width)
    expect(widths[0]).toBeGreaterThanOrEqual(state.measure('TypeScript', classic.size.body))
    expect(widths[2]).toBeGreaterThanOrEqual(state.measure('Years', classic.size.body))
    expect(widths[1]).toBeGreaterThan(2 * (widths[0]! + widths[2]!))
  })
})
