import type { LetterMeta } from '../types.js'
import { classic } from './classic.js'
import type { Theme } from './types.js'

export type { Theme } from './types.js'

/** Built-in themes by name. */
export const themes: Record<string, Theme> = { classic }

/** The theme a letter asks for, with its front-matter font choices laid over; unknown names fall back with a reason. */
export function resolveTheme(meta: Pick<LetterMeta, 'theme' | 'font'>): { theme: Theme; problem?: string } {
  const base = themes[meta.theme]
  const problem = base ? undefined : `unknown theme "${meta.theme}"; built-in themes: ${Object.keys(themes).join(', ')}`
  const theme = base ?? classic
  const { body, heading, mono } = meta.font
  if (!body && !heading && !mono) return { theme, problem }
  return {
    theme: { ...theme, fonts: { ...theme.fonts, body: body ?? theme.fonts.body, heading: heading ?? body ?? theme.fonts.heading, mono: mono ?? theme.fonts.mono } },
    problem,
  }
}
