import { Text } from '@react-pdf/renderer'
import type { FootnoteReference } from 'mdast'
import { normaliseLabel, type Handler } from '../state.js'

/** Footnote reference: a raised number; the note itself is set as an endnote after the letter. */
export const footnoteReference: Handler<FootnoteReference> = (state, node) => {
  const id = normaliseLabel(node.identifier)
  if (!state.footnotes.definitions.has(id)) {
    state.warn(`no footnote definition for "[^${node.label ?? node.identifier}]"`, node)
    return null
  }
  let index = state.footnotes.order.indexOf(id)
  if (index === -1) index = state.footnotes.order.push(id) - 1
  return <Text style={{ fontSize: state.theme.size.footnoteMark, verticalAlign: 'super' }}>{String(index + 1)}</Text>
}
