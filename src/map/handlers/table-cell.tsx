import { Text, View } from '@react-pdf/renderer'
import type { TableCell } from 'mdast'
import type { Handler } from '../state.js'
import { bodyText } from '../styles.js'
import { role } from '../../render/role.js'

/** Table cell: its column's alignment; header cells bold. */
export const tableCell: Handler<TableCell> = (state, node, parent) => {
  const { theme } = state
  const row = parent?.type === 'tableRow' ? parent : undefined
  const column = row ? row.children.indexOf(node) : 0
  const table = state.table
  const align = table?.align?.[column] ?? 'left'
  const header = row !== undefined && table?.children[0] === row
  return (
    <View
      style={{
        flex: 1,
        padding: theme.table.cellPadding,
        borderRightWidth: theme.table.borderWidth,
        borderBottomWidth: theme.table.borderWidth,
        borderColor: theme.colors.tableBorder,
      }}
    >
      <Text {...role(header ? 'TH' : 'TD')} style={[bodyText(theme), { textAlign: align, fontWeight: header ? 700 : 400 }]}>{state.all(node)}</Text>
    </View>
  )
}
