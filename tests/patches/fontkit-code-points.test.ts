// fontkit keeps one glyph per id with the code points of whoever asked first; the patch gives every caller the code
// points it asks for.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, test } from 'vitest'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { installFontkitCodePoints } from '../../src/patches/fontkit-code-points.js'
import { cannot } from './cannot.js'

type Glyph = { id: number; codePoints: number[] }
type Face = {
  glyphsForString(text: string): Glyph[]
  layout(text: string): { glyphs: Glyph[] }
  createSubset(): { includeGlyph(id: number): number; encode(): unknown }
}
const open = (file: string) => fontkit.create(readFileSync(join(bundledFontsDir, file))) as unknown as Face

describe('fontkit glyph code points', () => {
  test('a glyph stands for the code points it is asked for, whatever asked for its id before', () => {
    const font = open('noto-sans/NotoSans-Regular.ttf')
    installFontkitCodePoints(font)
    // Embedding "Ä" reads "A" as a part of it, with no code points: the A shaped after it still stands for "A".
    const subset = font.createSubset()
    subset.includeGlyph(font.glyphsForString('Ä')[0]!.id)
    subset.encode()
    expect(font.layout('A').glyphs[0]!.codePoints).toEqual([0x41])
    expect(font.glyphsForString('A')[0]!.codePoints).toEqual([0x41])
    expect(font.layout('Äpfel').glyphs[0]!.codePoints).toEqual([0xc4])
    // i + U+0301 shapes to the dotless i's glyph, standing for "i"; a typed "ı" on that glyph stands for "ı".
    const [dotless] = font.layout('i\u0301').glyphs
    const [typed] = font.glyphsForString('ı')
    expect(typed!.id).toBe(dotless!.id)
    expect(dotless!.codePoints).toEqual([0x69])
    expect(typed!.codePoints).toEqual([0x131])
    // The same glyph object each time it is asked for with the same code points.
    expect(font.glyphsForString('ı')[0]).toBe(typed)
    expect(font.glyphsForString('A')[0]).toBe(font.glyphsForString('A')[0])
  })

  test('a + U+0301 keeps both code points after "á" was embedded (its parts are made with none)', () => {
    const font = open('noto-serif/NotoSerif-Regular.ttf')
    installFontkitCodePoints(font)
    const subset = font.createSubset()
    subset.includeGlyph(font.glyphsForString('á')[0]!.id)
    subset.encode()
    expect(font.layout('a\u0301').glyphs.map((glyph) => glyph.codePoints)).toEqual([[0x61], [0x301]])
  })

  test('installing twice wraps the lookup once', () => {
    const font = open('noto-sans/NotoSans-Regular.ttf')
    installFontkitCodePoints(font)
    const lookup = (font as unknown as { getGlyph: unknown }).getGlyph
    installFontkitCodePoints(open('noto-sans/NotoSans-Bold.ttf'))
    expect((font as unknown as { getGlyph: unknown }).getGlyph).toBe(lookup)
  })

  test('a font whose class has no getGlyph, or another one, is refused by name and version', () => {
    expect(() => installFontkitCodePoints({})).toThrow(cannot('fontkit', 'TTFFont.prototype.getGlyph is missing'))
    expect(() => installFontkitCodePoints({ getGlyph: 1 })).toThrow(cannot('fontkit', 'TTFFont.prototype.getGlyph is not a function'))
    expect(() => installFontkitCodePoints({ getGlyph: (id: number) => ({ id }) })).toThrow(
      cannot('fontkit', 'TTFFont.prototype.getGlyph is not the one this patch was written for (its source lacks "this._glyphs[")'),
    )
    const noGlyphs = {
      _glyphs: {},
      getGlyph(glyph: number) {
        return (this._glyphs as Record<number, unknown>)[glyph] ?? null
      },
    }
    expect(() => installFontkitCodePoints(noGlyphs)).toThrow(
      cannot('fontkit', 'TTFFont.prototype.getGlyph(0) gives no glyph with an id and code points'),
    )
  })
})
