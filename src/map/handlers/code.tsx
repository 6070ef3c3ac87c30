import { Text, View } from '@react-pdf/renderer'
import type { Code } from 'mdast'
import type { Handler } from '../state.js'
import { monoText, spaceBefore } from '../styles.js'
import { measureWith } from '../../fonts/measure.js'
import { wrapLongTokens } from '../wrap.js'
import { expandTabs } from '../expand-tabs.js'
import { role } from '../../structure/role.js'

/**
 * Code block: monospaced lines kept as written (tabs to stops of 4, over-long lines wrap), on a light ground.
 * Each line is its own text: react-pdf hangs a line's leading spaces into the margin, so a line is padded by
 * its indent's width and its spaces, still real spaces in the text layer, fill that padding.
 */
export const code: Handler<Code> = (state, node, parent) => {
  const { theme } = state
  const measure = measureWith(theme.fonts.mono)
  const size = theme.size.code
  const lines = expandTabs(node.value).split('\n')
  return (
    <View
      {...role('Code')}
      style={{
        backgroundColor: theme.colors.codeBackground,
        padding: theme.code.padding,
        borderRadius: theme.code.radius,
        marginTop: spaceBefore(node, parent, theme.space.block),
      }}
    >
      {lines.map((line, index) => {
        // A blank line keeps its height with one space; an all-blank line has no indent to keep.
        const body = line.trimStart() === '' ? ' ' : line
        const indent = body === ' ' ? '' : line.slice(0, line.length - line.trimStart().length)
        const inset = measure(indent, size)
        const width = state.width - 2 * theme.code.padding - inset
        return (
          <Text key={index} style={[monoText(theme), { lineHeight: theme.leading.tight, color: theme.colors.text, paddingLeft: inset }]}>
            {indent + wrapLongTokens(body.slice(indent.length), width, size, measure)}
          </Text>
        )
      })}
    </View>
  )
}
