import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, test } from 'vitest'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { classic } from '../../src/theme/classic.js'

// Every assigned code point in these blocks must be drawable by the text face or one of its fallbacks.
const BLOCKS: Record<string, [number, number]> = {
  'Latin-1 Supplement': [0xa0, 0xff],
  'Latin Extended-A': [0x100, 0x17f],
  'Latin Extended-B': [0x180, 0x24f],
  Vietnamese: [0x1ea0, 0x1ef9],
  Greek: [0x370, 0x3ff],
  Cyrillic: [0x400, 0x4ff],
  'General Punctuation': [0x2000, 0x206f],
  'Currency Symbols': [0x20a0, 0x20c0],
}

const open = (file: string) => fontkit.create(readFileSync(join(bundledFontsDir, file))) as fontkit.Font
const faces = ['noto-serif/NotoSerif-Regular.ttf', 'noto-serif/NotoSerif-Bold.ttf', 'noto-serif/NotoSerif-Italic.ttf', 'noto-serif/NotoSerif-BoldItalic.ttf']
// The theme's fallbacks, then the last resort react-pdf appends to every stack (Noto Sans Regular for all styles).
const fallbacks = ['noto-sans-math/NotoSansMath-Regular.ttf', 'noto-sans-symbols-2/NotoSansSymbols2-Regular.ttf', 'noto-sans/NotoSans-Regular.ttf'].map(open)

describe('glyph coverage of the default text face', () => {
  test('the theme uses the families checked here', () => {
    expect(classic.fonts.body).toBe('Noto Serif')
    expect(classic.fonts.fallbacks).toEqual(['Noto Sans Math', 'Noto Sans Symbols 2'])
  })

  test.each(faces)('%s with its fallbacks covers the required blocks', (file) => {
    const face = open(file)
    const missing: string[] = []
    for (const [block, [from, to]] of Object.entries(BLOCKS)) {
      for (let cp = from; cp <= to; cp++) {
        const char = String.fromCodePoint(cp)
        // Unassigned, control, format (invisible) and private-use code points draw nothing.
        if (/[\p{Cn}\p{Cc}\p{Cf}\p{Co}]/u.test(char)) continue
        // The Greek and Coptic block: Coptic letters are another script.
        if (/\p{Script=Coptic}/u.test(char)) continue
        if (face.hasGlyphForCodePoint(cp) || fallbacks.some((f) => f.hasGlyphForCodePoint(cp))) continue
        missing.push(`${block} U+${cp.toString(16).toUpperCase().padStart(4, '0')}`)
      }
    }
    expect(missing).toEqual([])
  })

  test('bullets, checkboxes and common symbols have a face', () => {
    for (const char of ['•', '◦', '▪', '≤', '≥', '→', '✓', '☐', '€', '₹', '™']) {
      const cp = char.codePointAt(0)!
      expect(open(faces[0]!).hasGlyphForCodePoint(cp) || fallbacks.some((f) => f.hasGlyphForCodePoint(cp)), char).toBe(true)
    }
  })
})
