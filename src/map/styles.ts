import type { Nodes, Parents } from 'mdast'
import type { Theme } from '../theme/index.js'

/** Font stack for a family: the family, then the theme's fallbacks for glyphs it lacks. */
export const stack = (theme: Theme, family: string) => [family, ...theme.fonts.fallbacks]

/** The running text style of the letter. */
export const bodyText = (theme: Theme) => ({
  fontFamily: stack(theme, theme.fonts.body),
  fontSize: theme.size.body,
  lineHeight: theme.leading.body,
  color: theme.colors.text,
})

/** Monospaced text (inline code and code blocks). */
export const monoText = (theme: Theme) => ({
  fontFamily: stack(theme, theme.fonts.mono),
  fontSize: theme.size.code,
})

/**
 * Space above a block: none for the first block of its container, none after a heading (which keeps
 * its own space below) unless the block is a heading too.
 * Blocks are spaced *before*, never after: react-pdf moves a block that fits on the page to the next one
 * when its bottom margin crosses the page end, which would strand the heading above it.
 */
export function spaceBefore(node: Nodes, parent: Parents | undefined, amount: number): number {
  if (!parent) return 0
  const index = (parent.children as Nodes[]).indexOf(node)
  if (index <= 0) return 0
  return parent.children[index - 1]?.type === 'heading' && node.type !== 'heading' ? 0 : amount
}
