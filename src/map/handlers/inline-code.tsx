import { Text } from '@react-pdf/renderer'
import type { InlineCode } from 'mdast'
import type { Handler } from '../state.js'
import { monoText } from '../styles.js'

/** Inline code: monospaced, on a light ground. */
export const inlineCode: Handler<InlineCode> = (state, node) => (
  <Text style={[monoText(state.theme), { backgroundColor: state.theme.colors.codeBackground }]}>{node.value}</Text>
)
