import { Text, View } from '@react-pdf/renderer'
import type { Paragraph, PhrasingContent } from 'mdast'
import type { Handler } from '../state.js'
import { bodyText, spaceBefore } from '../styles.js'

const isImage = (n: PhrasingContent) => n.type === 'image' || n.type === 'imageReference'

/** Paragraph: one text block; images inside it stand as blocks of their own (react-pdf cannot set them in a line). */
export const paragraph: Handler<Paragraph> = (state, node, parent) => {
  const marginTop = spaceBefore(node, parent, state.theme.space.paragraph)
  const { orphans, widows } = state.theme.pagination
  if (!node.children.some(isImage)) {
    return (
      <Text orphans={orphans} widows={widows} style={[bodyText(state.theme), { marginTop }]}>
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
    <View style={{ marginTop }}>
      {parts
        .filter((run) => run.some((n) => n.type !== 'text' || n.value.trim() !== ''))
        .map((run, i) =>
          run.length === 1 && isImage(run[0]!) ? (
            <View key={i} style={{ marginTop: i ? state.theme.space.paragraph : 0 }}>
              {state.one(run[0]!, node)}
            </View>
          ) : (
            <Text
              key={i}
              orphans={orphans}
              widows={widows}
              style={[bodyText(state.theme), { marginTop: i ? state.theme.space.paragraph : 0 }]}
            >
              {state.all({ ...node, children: run })}
            </Text>
          ),
        )}
    </View>
  )
}
