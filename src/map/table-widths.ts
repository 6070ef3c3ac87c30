import type { Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { State } from './state.js'

/** Text is measured in the regular face; bold header cells run this much wider, so they get the room. */
const BOLD_SLACK = 1.08
/** A column holding nothing still gets this many ems, so its cells do not collapse. */
const EMPTY_EMS = 1

/** What a column needs: its longest word (it never gets less, unless the table cannot fit) and its text on one line. */
export interface ColumnNeed {
  min: number
  max: number
}

/**
 * Share `available` points between columns the way browsers lay out automatic tables: a table whose text fits
 * on one line per cell is as wide as that text; otherwise every column gets its longest word and the spare
 * width goes to the columns by how much more they hold; if even the words do not fit, words shrink evenly.
 */
export function shareWidths(needs: ColumnNeed[], available: number): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const mins = needs.map((n) => n.min)
  const maxs = needs.map((n) => Math.max(n.min, n.max))
  if (sum(maxs) <= available) return maxs
  const minTotal = sum(mins)
  if (minTotal >= available) return mins.map((m) => (m * available) / minTotal)
  const extra = maxs.map((m, i) => m - mins[i]!)
  const spare = available - minTotal
  const extraTotal = sum(extra)
  return mins.map((m, i) => m + (spare * extra[i]!) / extraTotal)
}

const cache = new WeakMap<Table, { width: number; theme: State['theme']; widths: number[] }>()

/** Text widths in points of a table's columns in the current column width (cell padding and rules excluded). */
export function tableWidths(state: State, node: Table): number[] {
  const cached = cache.get(node)
  // Keyed by the theme too: --fit lays the same table out again at other type sizes.
  if (cached && cached.width === state.width && cached.theme === state.theme) return cached.widths
  const { theme } = state
  const size = theme.size.body
  const columns = Math.max(1, ...node.children.map((row) => row.children.length))
  const inset = 2 * theme.table.cellPadding + theme.table.borderWidth
  const available = Math.max(columns, state.width - theme.table.borderWidth - columns * inset)
  const needs: ColumnNeed[] = Array.from({ length: columns }, () => ({ min: EMPTY_EMS * size, max: EMPTY_EMS * size }))
  node.children.forEach((row, r) => {
    const slack = r === 0 ? BOLD_SLACK : 1
    row.children.forEach((cell, c) => {
      const text = toString(cell).trim()
      if (!text) return
      const need = needs[c]!
      for (const word of text.split(/\s+/)) need.min = Math.max(need.min, state.measure(word, size) * slack)
      need.max = Math.max(need.max, state.measure(text, size) * slack)
    })
  })
  const widths = shareWidths(needs, available)
  cache.set(node, { width: state.width, theme: state.theme, widths })
  return widths
}
