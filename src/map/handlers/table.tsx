import { View } from '@react-pdf/renderer'
import type { Table } from 'mdast'
import type { Handler } from '../state.js'
import { spaceBefore } from '../styles.js'
import { role } from '../../render/role.js'

/** Table: rows of equal-width cells inside a thin frame; alignment comes from the table to each cell. */
export const table: Handler<Table> = (state, node, parent) => {
  state.table = node
  const width = state.width
  // Cells share the width equally; a cell's text has its padding on both sides.
  const columns = Math.max(1, ...node.children.map((row) => row.children.length))
  state.width = width / columns - 2 * state.theme.table.cellPadding - state.theme.table.borderWidth
  const rows = state.all(node)
  state.width = width
  state.table = undefined
  return (
  <View
    {...role('Table')}
    style={{
      borderTopWidth: state.theme.table.borderWidth,
      borderLeftWidth: state.theme.table.borderWidth,
      borderColor: state.theme.colors.tableBorder,
      marginTop: spaceBefore(node, parent, state.theme.space.block),
    }}
  >
    {rows}
  </View>
  )
}
