import { Font } from '@react-pdf/renderer'
import { message } from '../parse/message.js'
import { themes, type Theme } from '../theme/index.js'
import type { LetterMessage } from '../types.js'
import { availableFamilies, hasFamily, registerFonts, scanFonts, useLatinFaces } from './index.js'
import { isLatin } from './latin.js'

/** The user's font folders, and the working folder their files are shown from in messages. */
export interface FontFolders {
  dirs: string[]
  cwd: string
}

/**
 * Check the theme's families exist (warning and falling back to the theme's own when not) and register them.
 * `text` is everything the letter may set: when all its characters are Latin, the bundled faces' Latin subsets
 * serve (a fraction of the tables to decode), else their full faces.
 */
export async function useFonts(theme: Theme, folders: FontFolders, fallbacks: string[], warnings: LetterMessage[], text: string[] = []): Promise<Theme> {
  for (const dir of folders.dirs) warnings.push(...scanFonts(dir, folders.cwd))
  const defaults = (themes[theme.name] ?? themes.classic!).fonts
  // The letter's own fallbacks (a CJK font in fonts/, say) are tried before the theme's.
  const fonts = { ...theme.fonts, fallbacks: [...new Set([...fallbacks, ...theme.fonts.fallbacks])] }
  for (const role of ['body', 'heading', 'mono'] as const) {
    if (hasFamily(fonts[role])) continue
    warnings.push(message(`font family "${fonts[role]}" not found in fonts/ or the bundled fonts; using "${defaults[role]}" (available: ${availableFamilies().join(', ')})`, 'letterpress:fonts'))
    fonts[role] = defaults[role]
  }
  fonts.fallbacks = fonts.fallbacks.filter((family) => {
    if (hasFamily(family)) return true
    warnings.push(message(`fallback font family "${family}" not found in fonts/ or the bundled fonts; left out (available: ${availableFamilies().join(', ')})`, 'letterpress:fonts'))
    return false
  })
  await registerFonts([fonts.body, fonts.heading, fonts.mono, ...fonts.fallbacks])
  await useLatinFaces([...text, ...theme.list.bullets].every(isLatin))
  // The body and mono faces measure over-long tokens before layout.
  for (const fontFamily of [fonts.body, fonts.mono]) await Font.load({ fontFamily, fontWeight: 400, fontStyle: 'normal' } as never)
  return { ...theme, fonts }
}
