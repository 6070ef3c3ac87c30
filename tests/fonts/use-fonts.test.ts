import { Font } from '@react-pdf/renderer'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { availableFamilies, hasFamily } from '../../src/fonts/index.js'
import { useFonts } from '../../src/fonts/use-fonts.js'
import { themes, type Theme } from '../../src/theme/index.js'
import type { LetterMessage } from '../../src/types.js'

const USER_FONTS = join(import.meta.dirname, '../fixtures-fonts')
const NO_FONTS = join(import.meta.dirname, 'no-such-fonts-folder')
const withFonts = (base: Theme, fonts: Partial<Theme['fonts']>): Theme => ({ ...base, fonts: { ...base.fonts, ...fonts } })

describe('useFonts', () => {
  test("a theme whose families all exist keeps them, registered and the body and mono faces loaded", async () => {
    const warnings: LetterMessage[] = []
    const theme = themes.modern!
    const used = await useFonts(theme, { dirs: [NO_FONTS], cwd: process.cwd() }, [], warnings)
    expect(warnings).toEqual([])
    expect(used).toEqual(theme)
    for (const family of [used.fonts.body, used.fonts.mono]) {
      const font = Font.getFont({ fontFamily: family, fontWeight: 400, fontStyle: 'normal' } as never) as unknown as { data?: unknown }
      expect(font?.data, family).toBeTruthy()
    }
  })

  test("a family that exists nowhere falls back to the theme's own, with a warning naming what is available", async () => {
    const warnings: LetterMessage[] = []
    const theme = withFonts(themes.classic!, { heading: 'No Such Sans' })
    const used = await useFonts(theme, { dirs: [NO_FONTS], cwd: process.cwd() }, [], warnings)
    expect(used.fonts.heading).toBe(themes.classic!.fonts.heading)
    expect(theme.fonts.heading).toBe('No Such Sans')
    expect(warnings).toEqual([
      { message: `font family "No Such Sans" not found in fonts/ or the bundled fonts; using "${themes.classic!.fonts.heading}" (available: ${availableFamilies().join(', ')})`, line: null, column: null, source: 'letterpress:fonts' },
    ])
  })

  test("the letter's fallbacks come before the theme's, once each; unknown ones are left out with a warning", async () => {
    const warnings: LetterMessage[] = []
    const theme = withFonts(themes.classic!, { fallbacks: ['Noto Sans Math', 'Gone Symbols'] })
    const used = await useFonts(theme, { dirs: [NO_FONTS], cwd: process.cwd() }, ['Noto Sans Symbols 2', 'Noto Sans Math'], warnings)
    expect(used.fonts.fallbacks).toEqual(['Noto Sans Symbols 2', 'Noto Sans Math'])
    expect(warnings.map((w) => w.message)).toEqual([`fallback font family "Gone Symbols" not found in fonts/ or the bundled fonts; left out (available: ${availableFamilies().join(', ')})`])
  })

  test("the fonts folders are scanned first, so the user's own families may be named", async () => {
    const warnings: LetterMessage[] = []
    const used = await useFonts(withFonts(themes.classic!, { body: 'Noto Sans Display' }), { dirs: [USER_FONTS], cwd: process.cwd() }, [], warnings)
    expect(hasFamily('Noto Sans Display')).toBe(true)
    expect(used.fonts.body).toBe('Noto Sans Display')
    expect(warnings).toEqual([])
  })
})
