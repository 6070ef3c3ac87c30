import { View } from '@react-pdf/renderer'
import type { TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Handler } from '../state.js'
import { role } from '../../render/role.js'

/** Table row: cells side by side; the first row is the header, shaded. A row is not split across pages. */
export const tableRow: Handler<TableRow> = (state, node, parent) => {
  const header = parent?.type === 'table' && parent.children[0] === node
  // state.width is a cell's width here (set by the table); a row far taller than a page may still split.
  const lines = Math.max(0, ...node.children.map((cell) => Math.ceil(state.measure(toString(cell), state.theme.size.body) / Math.max(1, state.width))))
  const keep = lines <= state.theme.pagination.keepListItemLines * 4
  return (
    <View
      {...role('TR')}
      wrap={!keep}
      style={{ flexDirection: 'row', backgroundColor: header ? state.theme.colors.tableHeaderBackground : undefined }}
    >
      {state.all(node)}
    </View>
  )
}
