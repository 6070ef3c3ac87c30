import { View } from '@react-pdf/renderer'
import type { Table } from 'mdast'
import type { Handler } from '../state.js'

/** Table: rows of equal-width cells inside a thin frame; alignment comes from the table to each cell. */
export const table: Handler<Table> = (state, node) => {
  state.table = node
  const rows = state.all(node)
  state.table = undefined
  return (
  <View
    style={{
      borderTopWidth: state.theme.table.borderWidth,
      borderLeftWidth: state.theme.table.borderWidth,
      borderColor: state.theme.colors.tableBorder,
      marginBottom: state.theme.space.block,
    }}
  >
    {rows}
  </View>
  )
}
