import type { Html } from 'mdast'
import type { Handler } from '../state.js'

/** Raw HTML: never rendered (a PDF letter has no HTML engine); a warning says where it was. */
export const html: Handler<Html> = (state, node) => {
  const snippet = node.value.trim().split('\n')[0]!.slice(0, 40)
  // Only comments, each closed before the next begins: `<!-- a --> <b>x</b> <!-- b -->` is markup and warns.
  if (!/^(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/.test(node.value.trim())) state.warn(`raw HTML is not rendered: ${snippet}`, node)
  return null
}
