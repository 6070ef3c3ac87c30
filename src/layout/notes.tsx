import { Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Theme } from '../theme/index.js'
import { bodyText } from '../map/styles.js'
import type { State } from '../map/index.js'
import { estimatedLines, keepsWhole } from '../map/keep.js'
import { annotationLines, type Labels } from './labels.js'

/** Lines under the signature: enclosures and copies, each labelled. */
export function Annotations({ theme, labels, enclosures, cc }: { theme: Theme; labels: Labels; enclosures: string[]; cc: string[] }) {
  const lines = annotationLines(labels, enclosures, cc)
  if (!lines.length) return null
  const small = [bodyText(theme), { fontSize: theme.size.small }]
  return (
    <View style={{ marginTop: theme.space.closing }}>
      {lines.map((line, i) => (
        <Text key={i} style={small}>
          {line}
        </Text>
      ))}
    </View>
  )
}

/** Footnotes set as numbered endnotes after the letter, in the order they were cited; `keep` says which stay whole on a page. */
export function Endnotes({ theme, notes, keep }: { theme: Theme; notes: ReactNode[][]; keep: boolean[] }) {
  if (!notes.length) return null
  return (
    <View
      style={{
        marginTop: theme.space.closing,
        paddingTop: theme.space.paragraph,
        borderTopWidth: theme.rule.width,
        borderTopColor: theme.colors.rule,
      }}
    >
      {notes.map((content, i) => (
        <View key={i} style={{ flexDirection: 'row', marginBottom: theme.space.listItem }} wrap={!keep[i]}>
          <Text style={[bodyText(theme), { fontSize: theme.size.small, width: theme.list.markerWidth }]}>{`${i + 1}.`}</Text>
          <View style={{ flex: 1 }}>{content}</View>
        </View>
      ))}
    </View>
  )
}

/** The footnotes cited so far, as endnotes in citation order, and which of them are kept whole on a page (all but those too tall for one). */
export function endnotesOf(state: State): { notes: ReactNode[][]; keep: boolean[] } {
  const definitions = state.footnotes.order.map((id) => state.footnotes.definitions.get(id)!)
  return {
    notes: definitions.map((definition) => state.all(definition)),
    keep: definitions.map((definition) =>
      keepsWhole(state, estimatedLines(state, { type: 'root', children: definition.children }), Infinity),
    ),
  }
}
