import { Text, View } from '@react-pdf/renderer'
import type { Code } from 'mdast'
import type { Handler } from '../state.js'
import { monoText, spaceBefore } from '../styles.js'
import { measureWith } from '../../fonts/measure.js'
import { wrapLongTokens } from '../wrap.js'
import { role } from '../../render/role.js'

/** Code block: monospaced lines kept as written (over-long ones wrap), on a light ground. */
export const code: Handler<Code> = (state, node, parent) => {
  const { theme } = state
  return (
    <View
      style={{
        backgroundColor: theme.colors.codeBackground,
        padding: theme.code.padding,
        borderRadius: theme.code.radius,
        marginTop: spaceBefore(node, parent, theme.space.block),
      }}
    >
      <Text {...role('Code')} style={[monoText(theme), { lineHeight: theme.leading.tight, color: theme.colors.text }]}>
        {wrapLongTokens(node.value, state.width - 2 * theme.code.padding, theme.size.code, measureWith(theme.fonts.mono))}
      </Text>
    </View>
  )
}
