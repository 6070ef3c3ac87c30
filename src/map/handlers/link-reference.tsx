import type { LinkReference } from 'mdast'
import { normaliseLabel, type Handler } from '../state.js'
import { renderLink } from './link.js'

/** Link reference: a link through its definition; without one, the source text as written. */
export const linkReference: Handler<LinkReference> = (state, node) => {
  const definition = state.definitions.get(normaliseLabel(node.identifier))
  if (!definition) state.warn(`no definition for link reference "${node.label ?? node.identifier}"`, node)
  return renderLink(state, node, definition?.url, state.all(node))
}
