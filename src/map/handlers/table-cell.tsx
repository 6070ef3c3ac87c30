import { Text, View } from '@react-pdf/renderer'
import type { TableCell } from 'mdast'
import type { Handler } from '../state.js'
import { bodyText } from '../styles.js'
import { tableWidths } from '../table-widths.js'
import { role } from '../../structure/role.js'

/** Table cell: its column's width and alignment; header cells bold. Its text wraps inside the column. */
export const tableCell: Handler<TableCell> = (state, node, parent) => {
  const { theme } = state
  const row = parent?.type === 'tableRow' ? parent : undefined
  const column = Math.max(0, row ? row.children.indexOf(node) : 0)
  const table = state.table
  const align = table?.align?.[column] ?? 'left'
  const header = row !== undefined && table?.children[0] === row
  const width = table ? tableWidths(state, table)[column] : undefined
  const outer = state.width
  if (width !== undefined) state.width = width
  const content = state.all(node)
  state.width = outer
  return (
    <View
      style={{
        ...(width === undefined ? { flex: 1 } : { width: width + 2 * theme.table.cellPadding + theme.table.borderWidth }),
        padding: theme.table.cellPadding,
        borderRightWidth: theme.table.borderWidth,
        borderBottomWidth: theme.table.borderWidth,
        borderColor: theme.colors.tableBorder,
      }}
    >
      <Text {...role(header ? 'TH' : 'TD')} style={[bodyText(theme), { textAlign: align, fontWeight: header ? 700 : 400 }]}>
        {content}
      </Text>
    </View>
  )
}
