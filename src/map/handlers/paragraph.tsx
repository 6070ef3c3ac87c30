import { Text, View } from '@react-pdf/renderer'
import type { Paragraph, PhrasingContent } from 'mdast'
import type { Handler } from '../state.js'
import { bodyText } from '../styles.js'

const isImage = (n: PhrasingContent) => n.type === 'image' || n.type === 'imageReference'

/** Paragraph: one text block; images inside it stand as blocks of their own (react-pdf cannot set them in a line). */
export const paragraph: Handler<Paragraph> = (state, node, parent) => {
  const tight = parent?.type === 'listItem' && !parent.spread
  const last = parent && 'children' in parent && parent.children.at(-1) === node
  const marginBottom = tight || (last && parent?.type !== 'root') ? 0 : state.theme.space.paragraph
  const { orphans, widows } = state.theme.pagination
  if (!node.children.some(isImage)) {
    return (
      <Text orphans={orphans} widows={widows} style={[bodyText(state.theme), { marginBottom }]}>
        {state.all(node)}
      </Text>
    )
  }
  // Split the paragraph into runs of text and the images between them.
  const parts: PhrasingContent[][] = [[]]
  for (const child of node.children) {
    if (isImage(child)) parts.push([child], [])
    else parts.at(-1)!.push(child)
  }
  return (
    <View style={{ marginBottom }}>
      {parts
        .filter((run) => run.some((n) => n.type !== 'text' || n.value.trim() !== ''))
        .map((run, i) =>
          run.length === 1 && isImage(run[0]!) ? (
            <View key={i}>{state.one(run[0]!, node)}</View>
          ) : (
            <Text key={i} orphans={orphans} widows={widows} style={bodyText(state.theme)}>
              {state.all({ ...node, children: run })}
            </Text>
          ),
        )}
    </View>
  )
}
