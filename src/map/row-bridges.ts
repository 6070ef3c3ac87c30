import type { TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { State } from './state.js'
import { tableWidths } from './table-widths.js'

/** A run of spaces between two cells' text: `count` spaces ending `right` points from the row's left edge. */
export interface Bridge {
  /** The cell the bridge leads to. */
  column: number
  right: number
  count: number
}

/** Room left between a bridge and the text on either side: less than a character, so extractors see one line. */
const CLEARANCE = 0.5

/**
 * Spaces that join a row's cells into one line of text for layout-analysing extractors (pdfminer.six joins
 * characters into a line only when the gap between neighbours is under two characters wide, so cells far
 * apart become separate boxes and read column by column). A bridge runs from a one-line cell to the next cell's first line.
 */
export function rowBridges(state: State, row: TableRow): Bridge[] {
  const table = state.table
  if (!table || row.children.length < 2) return []
  const { theme } = state
  const size = theme.size.body
  const widths = tableWidths(state, table)
  const pad = theme.table.cellPadding
  const space = state.measure(' ', size)
  if (!(space > 0)) return []
  // Each cell's first line as [start, end] from the row's left edge, by its column's alignment; a side that
  // depends on where a wrapped cell breaks is unknown (NaN), and no bridge reaches it.
  const spans: { start: number; end: number; column: number }[] = []
  let left = 0
  for (const [column, cell] of row.children.entries()) {
    const width = widths[column]
    if (width === undefined) break
    const text = toString(cell).trim()
    const measured = text ? state.measure(text, size) : 0
    const align = table.align?.[column]
    const oneLine = measured <= width
    const offset = align === 'right' ? width - measured : align === 'center' ? (width - measured) / 2 : 0
    const start = oneLine || align === 'left' || !align ? left + pad + (oneLine ? offset : 0) : NaN
    if (text) spans.push({ start, end: oneLine ? start + measured : NaN, column })
    left += width + 2 * pad + theme.table.borderWidth
  }
  const bridges: Bridge[] = []
  for (let i = 1; i < spans.length; i++) {
    const count = Math.floor((spans[i]!.start - spans[i - 1]!.end - 2 * CLEARANCE) / space)
    if (count > 0) bridges.push({ column: spans[i]!.column, right: spans[i]!.start - CLEARANCE, count })
  }
  return bridges
}
