import { Text, View } from '@react-pdf/renderer'
import type { TableRow } from 'mdast'
import { estimatedLines, keepsWhole } from '../keep.js'
import type { Handler } from '../state.js'
import { tableWidths } from '../table-widths.js'
import { rowBridges } from '../row-bridges.js'
import { bodyText } from '../styles.js'
import { role } from '../../structure/role.js'

/** Table row: cells side by side; the first row is the header, shaded. A short row is not split across pages; a tall one is. */
export const tableRow: Handler<TableRow> = (state, node, parent) => {
  const header = parent?.type === 'table' && parent.children[0] === node
  // Each cell's lines are estimated in its own column's width; a row taller than half a page splits between pages.
  const widths = state.table ? tableWidths(state, state.table) : []
  const outer = state.width
  const lines = Math.max(
    0,
    ...node.children.map((cell, column) => {
      state.width = widths[column] ?? outer
      return estimatedLines(state, cell)
    }),
  )
  state.width = outer
  const keep = keepsWhole(state, lines, state.theme.pagination.keepListItemLines * 4)
  // Each bridge follows the cell before it in the drawing order; react-pdf hangs an all-space line left of its box.
  const bridges = rowBridges(state, node)
  const cells = state.all(node)
  const children = cells.flatMap((cell, column) => {
    const bridge = bridges.find((b) => b.column === column + 1)
    if (!bridge) return [cell]
    return [
      cell,
      <Text
        key={`bridge-${column}`}
        {...role('Artifact')}
        style={[bodyText(state.theme), { position: 'absolute', left: bridge.right, top: state.theme.table.cellPadding, width: 1000 }]}
      >
        {' '.repeat(bridge.count)}
      </Text>,
    ]
  })
  return (
    <View
      {...role('TR')}
      wrap={!keep}
      style={{ flexDirection: 'row', backgroundColor: header ? state.theme.colors.tableHeaderBackground : undefined }}
    >
      {children}
    </View>
  )
}
