import { View } from '@react-pdf/renderer'
import type { Blockquote } from 'mdast'
import type { Handler } from '../state.js'
import { spaceBefore } from '../styles.js'
import { nestingIndents } from '../nesting.js'
import { role } from '../../structure/role.js'

/** Block quote: indented behind a thin bar; nesting past the theme's depth (or its narrowest text) stops indenting further. */
export const blockquote: Handler<Blockquote> = (state, node, parent) => {
  const { theme } = state
  state.depth.quote++
  const indent = nestingIndents(state, state.depth.quote, theme.quote.barWidth + theme.quote.indent)
  const inset = indent ? theme.quote.barWidth + theme.quote.indent : 0
  state.width -= inset
  const children = state.all(node)
  state.width += inset
  state.depth.quote--
  return (
    <View
      {...role('BlockQuote')}
      style={{
        borderLeftWidth: indent ? theme.quote.barWidth : 0,
        borderLeftColor: theme.colors.quoteBar,
        paddingLeft: indent ? theme.quote.indent : 0,
        marginTop: spaceBefore(node, parent, theme.space.block),
      }}
    >
      {children}
    </View>
  )
}
