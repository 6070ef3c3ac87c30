import { View } from '@react-pdf/renderer'
import type { Table } from 'mdast'
import type { Handler } from '../state.js'
import { spaceBefore } from '../styles.js'
import { tableWidths } from '../table-widths.js'
import { role } from '../../structure/role.js'

/** Table: rows of cells sized by their content (tableWidths) inside a thin frame; alignment comes from the table to each cell. */
export const table: Handler<Table> = (state, node, parent) => {
  const { theme } = state
  state.table = node
  const widths = tableWidths(state, node)
  const rows = state.all(node)
  state.table = undefined
  // As wide as its columns: each cell's text with padding on both sides and a rule on its right.
  const width = widths.reduce((sum, w) => sum + w + 2 * theme.table.cellPadding + theme.table.borderWidth, theme.table.borderWidth)
  return (
    <View
      {...role('Table')}
      style={{
        width,
        borderTopWidth: theme.table.borderWidth,
        borderLeftWidth: theme.table.borderWidth,
        borderColor: theme.colors.tableBorder,
        marginTop: spaceBefore(node, parent, theme.space.block),
      }}
    >
      {rows}
    </View>
  )
}
