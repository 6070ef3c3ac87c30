import { Text } from '@react-pdf/renderer'
import type { Heading } from 'mdast'
import type { Handler } from '../state.js'
import { spaceBefore, stack } from '../styles.js'
import { role } from '../../structure/role.js'

/** How much wider a run of capitals with the theme's letter spacing sets than the same text in lower case. */
const CAPITALS_WIDTH = 1.35

/** Heading 1–6: the theme's size for its depth, bold, kept with what follows it (its bottom margin and minPresenceAhead). */
export const heading: Handler<Heading> = (state, node, parent) => {
  const { theme } = state
  const size = theme.size.heading[node.depth - 1] ?? theme.size.body
  const capitals = theme.heading.uppercase && node.depth >= 2
  // Over-long tokens are measured at the heading's size; capitals and letter spacing run about a third wider.
  const fontSize = state.fontSize
  state.fontSize = capitals ? size * CAPITALS_WIDTH : size
  const children = state.all(node)
  state.fontSize = fontSize
  return (
    <Text
      {...role(`H${node.depth}`)}
      minPresenceAhead={size * theme.leading.body * 3}
      style={{
        fontFamily: stack(theme, theme.fonts.heading),
        fontWeight: 700,
        fontStyle: node.depth >= 5 ? 'italic' : 'normal',
        fontSize: size,
        lineHeight: theme.leading.heading,
        color: node.depth <= 2 ? theme.colors.accent : theme.colors.text,
        // Section heads in capitals only from depth 2 down: a depth-1 heading is a title.
        textTransform: capitals ? 'uppercase' : 'none',
        letterSpacing: node.depth >= 2 ? theme.heading.letterSpacing : 0,
        marginTop: spaceBefore(node, parent, theme.space.headingBefore),
        marginBottom: theme.space.headingAfter,
      }}
    >
      {children}
    </Text>
  )
}
