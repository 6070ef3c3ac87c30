import { View } from '@react-pdf/renderer'
import type { Handler } from '../state.js'

/** Thematic break: a thin rule across the text column. */
export const thematicBreak: Handler = (state) => (
  <View
    style={{
      borderBottomWidth: state.theme.rule.width,
      borderBottomColor: state.theme.colors.rule,
      marginTop: state.theme.space.block / 2,
      marginBottom: state.theme.space.block,
    }}
  />
)
