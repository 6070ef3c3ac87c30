import { Text, View } from '@react-pdf/renderer'
import type { Code } from 'mdast'
import type { Handler } from '../state.js'
import { monoText } from '../styles.js'

/** Code block: monospaced lines kept as written, on a light ground. */
export const code: Handler<Code> = (state, node) => {
  const { theme } = state
  return (
    <View
      style={{
        backgroundColor: theme.colors.codeBackground,
        padding: theme.code.padding,
        borderRadius: theme.code.radius,
        marginBottom: theme.space.block,
      }}
    >
      <Text style={[monoText(theme), { lineHeight: theme.leading.tight, color: theme.colors.text }]}>{node.value}</Text>
    </View>
  )
}
