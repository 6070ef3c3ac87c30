import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { patchFontkit } from '../../src/fonts/fontkit-patch.js'
import { readPdf } from '../helpers/pdf.js'

type Glyph = { id: number; codePoints: number[] }
type Face = {
  glyphsForString(text: string): Glyph[]
  layout(text: string): { glyphs: Glyph[] }
  createSubset(): { includeGlyph(id: number): number; encode(): unknown }
}
const open = (file: string) => fontkit.create(readFileSync(join(bundledFontsDir, file))) as unknown as Face

describe('fontkit mark positioning', () => {
  test('a mark with no anchor on its base (Noto Serif Italic, Α + U+0314) no longer fails the letter', async () => {
    const { pdf } = await renderLetter('Dear Sam,\n\n*ŵΑ\u0314* and *Ἀθῆναι* in italics.\n', { sourceDateEpoch: 1_790_000_000, fontDirs: [] })
    const text = (await readPdf(pdf)).text.join('\n')
    expect(text).toContain('in italics.')
    expect(text.normalize('NFC')).toContain('Ἀθῆναι')
  })
})

describe('fontkit glyph code points', () => {
  test('a glyph stands for the code points it is asked for, whatever asked for its id before', () => {
    const font = open('noto-sans/NotoSans-Regular.ttf')
    patchFontkit(font as unknown as Parameters<typeof patchFontkit>[0])
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
})
