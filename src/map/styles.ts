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
