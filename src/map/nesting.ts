import type { State } from './state.js'

/**
 * Whether one more level of list or quote nesting (at `depth`, `inset` points wide) indents: until the theme's
 * maxDepth, and while the text beside it keeps the theme's list.minWidth. Deeper levels keep their parent's width.
 */
export function nestingIndents(state: State, depth: number, inset: number): boolean {
  return depth <= state.theme.list.maxDepth && state.width - inset >= state.theme.list.minWidth
}
