// No missing glyph goes unnoticed: each character no font has is named in a warning with its place, and a
// fallback font named in front matter (here a CJK font from a fonts/ folder) sets what the theme's fonts lack.
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { readPdf } from '../helpers/pdf.js'

const USER_FONTS = join(import.meta.dirname, '../fixtures-fonts')
const BODY = 'Dear Sam,\n\nMath ≤ 3, Chinese 中文, emoji 😀 and 中 again.\n\nSincerely,\nKim\n'
const FIXED = { sourceDateEpoch: 1_790_000_000 }

describe('missing glyphs', () => {
  test('each character no font has is a warning with its line and column, once; covered ones are not', async () => {
    const result = await renderLetter(`---\nsubject: Test\n---\n\n${BODY}`, { ...FIXED, fontDirs: [] })
    expect(result.warnings.map((w) => [w.message, w.line, w.column])).toEqual([
      ['no font has "中" (U+4E2D); add a fallback font (fallbacks: in front matter or config)', 7, 19],
      ['no font has "文" (U+6587); add a fallback font (fallbacks: in front matter or config)', 7, 20],
      ['no font has "😀" (U+1F600); add a fallback font (fallbacks: in front matter or config)', 7, 29],
    ])
    const pdf = await readPdf(result.pdf)
    expect(pdf.text.join('\n')).toContain('Math ≤ 3')
    for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true })
  })

  test('a fallback named in front matter sets the characters the theme lacks, embedded', async () => {
    const result = await renderLetter(`---\nfallbacks: [Noto Sans CJK SC]\n---\n\n${BODY}`, { ...FIXED, fontDirs: [USER_FONTS] })
    expect(result.warnings.map((w) => w.message)).toEqual([
      'no font has "😀" (U+1F600); add a fallback font (fallbacks: in front matter or config)',
    ])
    const pdf = await readPdf(result.pdf)
    expect(pdf.text.join('\n')).toContain('Chinese 中文')
    expect(pdf.fonts.map((f) => f.name).join(' ')).toMatch(/\+NotoSansCJKsc-Regular/)
    for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true })
  })

  test('front-matter values are checked too', async () => {
    const result = await renderLetter('---\nsubject: Bewerbung 中\n---\n\nDear Sam,\n', { ...FIXED, fontDirs: [] })
    expect(result.warnings).toEqual([
      {
        message: 'no font has "中" (U+4E2D); add a fallback font (fallbacks: in front matter or config)',
        line: null,
        column: null,
        source: 'letterpress:fonts',
      },
    ])
  })
})
