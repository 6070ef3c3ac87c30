import { View } from '@react-pdf/renderer'
import type { TableRow } from 'mdast'
import type { Handler } from '../state.js'
import { role } from '../../render/role.js'

/** Table row: cells side by side; the first row is the header, shaded, and repeated on no page break. */
export const tableRow: Handler<TableRow> = (state, node, parent) => {
  const header = parent?.type === 'table' && parent.children[0] === node
  return (
    <View
      {...role('TR')}
      wrap={false}
      style={{ flexDirection: 'row', backgroundColor: header ? state.theme.colors.tableHeaderBackground : undefined }}
    >
      {state.all(node)}
    </View>
  )
}
