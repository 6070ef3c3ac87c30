import { View } from '@react-pdf/renderer'
import type { TableRow } from 'mdast'
import { estimatedLines, keepsWhole } from '../keep.js'
import type { Handler } from '../state.js'
import { role } from '../../render/role.js'

/** Table row: cells side by side; the first row is the header, shaded. A short row is not split across pages; a tall one is. */
export const tableRow: Handler<TableRow> = (state, node, parent) => {
  const header = parent?.type === 'table' && parent.children[0] === node
  // state.width is a cell's width here (set by the table); a row taller than half a page splits between pages.
  const lines = Math.max(0, ...node.children.map((cell) => estimatedLines(state, cell)))
  const keep = keepsWhole(state, lines, state.theme.pagination.keepListItemLines * 4)
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
