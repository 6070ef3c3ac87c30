// The bundled text faces' Latin subsets (fonts/subset.sh): they have every character the Latin set promises
// that the full face has, and none beyond it; they shape and measure Latin text exactly as the full faces do;
// and the committed files are what the script builds.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, test } from 'vitest'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { LATIN_UNICODES, isLatin, unicodeRanges } from '../../src/fonts/latin.js'

type Metric = 'unitsPerEm' | 'ascent' | 'descent' | 'lineGap' | 'capHeight' | 'xHeight' | 'underlinePosition' | 'underlineThickness'
type Font = Record<Metric, number> & {
  numGlyphs: number
  characterSet: number[]
  hasGlyphForCodePoint(codePoint: number): boolean
  layout(text: string): { glyphs: { id: number; advanceWidth: number }[]; positions: object[] }
}
const METRICS: Metric[] = ['unitsPerEm', 'ascent', 'descent', 'lineGap', 'capHeight', 'xHeight', 'underlinePosition', 'underlineThickness']

const SCRIPT = join(bundledFontsDir, '../subset.sh')
const open = (file: string) => fontkit.create(readFileSync(join(bundledFontsDir, file))) as unknown as Font
const subsets = readdirSync(bundledFontsDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('-Latin.ttf'))
  .sort()
const fullOf = (subset: string) => subset.replace(/-Latin\.ttf$/, '.ttf')
const ranges = unicodeRanges(readFileSync(LATIN_UNICODES, 'utf8'))
const promised = (codePoint: number) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to)

/** Text a Latin letter sets: kerning pairs, ligatures, accents, smart punctuation, French spacing, figures. */
const SAMPLE =
  'AVATAR To Ty Wa. „Grüße“ — “office” ‘fine’ – flow… « Très bien » 1/2 €1,234.56 ½ ™ Łódź Ærø Şişli Dvořák ſ ǅ ẞ ẃ → ≤ • ▪'

describe('the Latin subsets of the bundled faces', () => {
  test('every text face has one', () => {
    expect(subsets).toEqual([
      'noto-sans-mono/NotoSansMono-Bold-Latin.ttf',
      'noto-sans-mono/NotoSansMono-Regular-Latin.ttf',
      'noto-sans/NotoSans-Bold-Latin.ttf',
      'noto-sans/NotoSans-BoldItalic-Latin.ttf',
      'noto-sans/NotoSans-Italic-Latin.ttf',
      'noto-sans/NotoSans-Regular-Latin.ttf',
      'noto-serif/NotoSerif-Bold-Latin.ttf',
      'noto-serif/NotoSerif-BoldItalic-Latin.ttf',
      'noto-serif/NotoSerif-Italic-Latin.ttf',
      'noto-serif/NotoSerif-Regular-Latin.ttf',
    ])
  })

  test.each(subsets)('%s has exactly the promised characters of its full face, in far fewer glyphs', (file) => {
    const subset = open(file)
    const full = open(fullOf(file))
    const lacking = full.characterSet.filter((cp) => promised(cp) && !subset.hasGlyphForCodePoint(cp))
    // fontkit lists U+FFFF, the end mark of a format 4 cmap, among the characters.
    const extra = subset.characterSet.filter((cp) => !promised(cp) && cp !== 0xffff)
    expect(lacking.map((cp) => cp.toString(16))).toEqual([])
    expect(extra.map((cp) => cp.toString(16))).toEqual([])
    // What the loader relies on: a Latin letter's characters are all there (Basic Latin to Latin Extended-B, punctuation).
    for (const cp of [0x41, 0xe9, 0x142, 0x219, 0x2014, 0x201e, 0x202f, 0x2026, 0x20ac]) expect(subset.hasGlyphForCodePoint(cp), cp.toString(16)).toBe(true)
    expect(subset.numGlyphs).toBeLessThan(full.numGlyphs / 2)
  })

  test.each(subsets)('%s shapes and measures Latin text as its full face does', (file) => {
    const subset = open(file)
    const full = open(fullOf(file))
    for (const key of METRICS)
      expect(subset[key], key).toBe(full[key])
    const a = subset.layout(SAMPLE)
    const b = full.layout(SAMPLE)
    expect(a.positions).toEqual(b.positions)
    expect(a.glyphs.map((g) => g.advanceWidth)).toEqual(b.glyphs.map((g) => g.advanceWidth))
    // The same glyphs: a ligature in one is a ligature in the other.
    expect(a.glyphs.length).toBe(b.glyphs.length)
  })

  // Ten faces through the subsetter take a few seconds.
  test.skipIf(!hasFonttools())('fonts/subset.sh builds the committed files, byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'letterpress-subsets-'))
    execFileSync(SCRIPT, [out], { stdio: 'pipe' })
    const built = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ttf'))
    expect(built.sort()).toEqual(subsets)
    for (const file of subsets) expect(readFileSync(join(out, file)).equals(readFileSync(join(bundledFontsDir, file))), file).toBe(true)
    rmSync(out, { recursive: true })
  }, 60_000)
})

describe('isLatin', () => {
  test('Latin text in Western and Central European languages, with smart punctuation, is Latin', () => {
    for (const text of ['Sehr geehrte Frau Müller, „danke“ – Grüße', 'Très « bien »\u202f! Œuvre', 'Łódź, Dvořák, Şişli, Țară', 'ﬁne 1.7M € ½ ™ → ≤ • ▪ ◦'])
      expect(isLatin(text), text).toBe(true)
  })

  test('spaces, line breaks, joiners and variation selectors draw nothing and need no face', () => {
    expect(isLatin('a\tb\nc\u00a0d\u2009e\u200bf\u200dg\ufe0fh\u00adi')).toBe(true)
  })

  test('Greek, Cyrillic, Vietnamese, combining accents, Devanagari and emoji are not', () => {
    for (const text of ['Καλημέρα', 'Привет', 'Việt Nam', 'e\u0301', 'नमस्ते', 'ok 😀']) expect(isLatin(text), text).toBe(false)
  })
})

/** Whether fonttools' subsetter can run here (the script looks for it the same way). */
function hasFonttools(): boolean {
  for (const python of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => Boolean(p))) {
    try {
      execFileSync(python, ['-c', 'import fontTools.subset'], { stdio: 'ignore' })
      return true
    } catch {
      continue
    }
  }
  return false
}
