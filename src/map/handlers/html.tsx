import type { Html } from 'mdast'
import type { Handler } from '../state.js'

/** Raw HTML: never rendered (a PDF letter has no HTML engine); a warning says where it was. */
export const html: Handler<Html> = (state, node) => {
  const snippet = node.value.trim().split('\n')[0]!.slice(0, 40)
  if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) state.warn(`raw HTML is not rendered: ${snippet}`, node)
  return null
}
