import { Path, Rect, Svg, Text, View } from '@react-pdf/renderer'
import type { List, ListItem } from 'mdast'
import type { ReactNode } from 'react'
import type { Handler, State } from '../state.js'
import { bodyText, spaceBefore } from '../styles.js'
import { estimatedLines, keepsWhole } from '../keep.js'
import { nestingIndents } from '../nesting.js'
import { role } from '../../structure/role.js'

/** The marker of an item: its number in an ordered list, else the bullet for its depth. */
function marker(state: State, node: ListItem, list: List | undefined): string {
  const index = list ? list.children.indexOf(node) : 0
  if (list?.ordered) return `${(list.start ?? 1) + index}.`
  const bullets = state.theme.list.bullets
  return bullets[(state.depth.list - 1) % bullets.length] ?? '•'
}

/** A drawn task checkbox, ticked when `checked` (not the "[x]" text). */
function checkbox(state: State, checked: boolean): ReactNode {
  const { size, stroke } = state.theme.checkbox
  const color = state.theme.colors.text
  return (
    <Svg
      width={size}
      height={size}
      viewBox="0 0 10 10"
      style={{ marginTop: (state.theme.size.body * state.theme.leading.body - size) / 2 }}
    >
      <Rect x="0.5" y="0.5" width="9" height="9" stroke={color} strokeWidth={(stroke * 10) / size} fill="none" />
      {checked ? <Path d="M2.2 5.2 L4.2 7.2 L7.9 2.8" stroke={color} strokeWidth={1.4} fill="none" /> : null}
    </Svg>
  )
}

/**
 * List item: marker (or checkbox) in a hanging column, content beside it. A level past the theme's depth, or one
 * that would leave its text narrower than list.minWidth, indents no further: its marker column moves back under
 * its parent's, so its text keeps its parent's width (see nestingIndents).
 */
export const listItem: Handler<ListItem> = (state, node, parent) => {
  const { theme } = state
  const list = parent?.type === 'list' ? parent : undefined
  const gap = list?.spread || node.spread ? theme.space.paragraph : theme.space.listItem
  const column = theme.list.markerWidth + theme.list.markerGap
  const indents = nestingIndents(state, state.depth.list, theme.list.indent + column)
  // A top-level list has no parent column to move into: it keeps its own marker column.
  const pulled = !indents && state.depth.list > 1
  const task = typeof node.checked === 'boolean'
  const indent = indents ? theme.list.indent + column : pulled ? 0 : column
  state.width -= indent
  // A short item moves to the next page whole, so its marker never stays behind without its text.
  const keep = keepsWhole(state, estimatedLines(state, node), theme.pagination.keepListItemLines)
  const content = state.all(node)
  state.width += indent
  return (
    <View
      {...role('LI')}
      style={{
        flexDirection: 'row',
        marginTop: spaceBefore(node, parent, gap),
        paddingLeft: indents ? theme.list.indent : 0,
        marginLeft: pulled ? -column : 0,
      }}
      wrap={!keep}
    >
      {/* A number or a checkbox is the item's label; a bullet is decoration. */}
      <View
        {...role(list?.ordered || task ? 'Lbl' : 'Artifact')}
        style={{ width: theme.list.markerWidth, marginRight: theme.list.markerGap }}
      >
        {task ? checkbox(state, node.checked === true) : <Text style={bodyText(theme)}>{marker(state, node, list)}</Text>}
      </View>
      <View {...role('LBody')} style={{ flex: 1 }}>
        {content}
      </View>
    </View>
  )
}
