import { View } from '@react-pdf/renderer'
import type { List } from 'mdast'
import type { Handler } from '../state.js'
import { spaceBefore } from '../styles.js'
import { role } from '../../structure/role.js'

/** List: ordered (from its start) or bulleted; items say their own marker; nested lists indent. */
export const list: Handler<List> = (state, node, parent) => {
  const { theme } = state
  state.depth.list++
  const items = state.all(node)
  state.depth.list--
  const nested = parent?.type === 'listItem'
  return (
    <View {...role('L')} style={{ marginTop: nested ? theme.space.listItem : spaceBefore(node, parent, theme.space.block) }}>
      {items}
    </View>
  )
}
