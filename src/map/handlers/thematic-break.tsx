import { View } from '@react-pdf/renderer'
import type { Handler } from '../state.js'
import { spaceBefore } from '../styles.js'

/** Thematic break: a thin rule across the text column. */
export const thematicBreak: Handler = (state, node, parent) => (
  <View
    style={{
      borderBottomWidth: state.theme.rule.width,
      borderBottomColor: state.theme.colors.rule,
      // The rule sits in the middle of the gap between the blocks around it.
      marginTop: spaceBefore(node, parent, state.theme.space.block),
      paddingTop: state.theme.space.block / 2,
    }}
  />
)
