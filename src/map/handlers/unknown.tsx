import type { Nodes } from 'mdast'
import type { Handler } from '../state.js'

/** A node type no handler knows (a plugin's, say): warn once per node, keep its text if it has children. */
export const unknown: Handler = (state, node) => {
  state.warn(`unsupported Markdown node "${node.type}"; ${'children' in node ? 'its text is kept' : 'left out'}`, node)
  if ('children' in node) return state.all(node as Extract<Nodes, { children: unknown }>)
  return 'value' in node && typeof node.value === 'string' ? node.value : null
}
