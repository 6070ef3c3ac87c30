import { Text } from '@react-pdf/renderer'
import type { InlineCode } from 'mdast'
import type { Handler } from '../state.js'
import { monoText } from '../styles.js'
import { measureWith } from '../../fonts/measure.js'
import { wrapLongTokens } from '../wrap.js'
import { expandTabs } from '../expand-tabs.js'

/** Inline code: monospaced, on a light ground, tabs to stops of 4; over-long tokens (a URL in backticks) wrap inside the column. */
export const inlineCode: Handler<InlineCode> = (state, node) => (
  <Text style={[monoText(state.theme), { backgroundColor: state.theme.colors.codeBackground }]}>
    {wrapLongTokens(expandTabs(node.value), state.width, state.theme.size.code, measureWith(state.theme.fonts.mono))}
  </Text>
)
