// pdfkit is handed the fontkit font before every run of glyphs; the patch makes that a lookup instead of building
// (and then discarding) a new embedded font each time.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import { describe, expect, test } from 'vitest'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { installPatches } from '../../src/patches/index.js'
import { installPdfkitFontCache } from '../../src/patches/pdfkit-font-cache.js'
import { cannot } from './cannot.js'

installPatches()

type Doc = { font(src: unknown, size?: number): Doc; _font: { id: string }; _fontCount: number; _fontSize: number }
const open = (file: string) => fontkit.create(readFileSync(join(bundledFontsDir, file)))

describe('setting a font object on a pdfkit document', () => {
  test('the same font object gets the same embedded font, without a new one being built', () => {
    const doc = new (PDFDocument as unknown as new (options: object) => Doc)({ autoFirstPage: false })
    const regular = open('noto-serif/NotoSerif-Regular.ttf')
    const bold = open('noto-serif/NotoSerif-Bold.ttf')
    const first = doc.font(regular, 11)._font
    const count = doc._fontCount
    expect(doc.font(bold, 12)._font).not.toBe(first)
    expect(doc.font(regular, 9)._font).toBe(first)
    expect(doc._fontSize).toBe(9)
    // Only the bold face was new.
    expect(doc._fontCount).toBe(count + 1)
  })

  test('a second fontkit object of the same file still shares one embedded font (as pdfkit does by name)', () => {
    const doc = new (PDFDocument as unknown as new (options: object) => Doc)({ autoFirstPage: false })
    const a = doc.font(open('noto-serif/NotoSerif-Regular.ttf'))._font
    expect(doc.font(open('noto-serif/NotoSerif-Regular.ttf'))._font).toBe(a)
  })
})

describe('pdfkit font cache target', () => {
  test('a prototype without font(), or with another one, is refused by name and version', () => {
    expect(() => installPdfkitFontCache({})).toThrow(cannot('pdfkit', 'PDFDocument.prototype.font is missing'))
    expect(() => installPdfkitFontCache({ font: (src: unknown) => src })).toThrow(
      cannot('pdfkit', 'PDFDocument.prototype.font declares 1 parameters, not 3'),
    )
    const moved = {
      font(this: Record<string, unknown>, src: unknown, family: unknown, size: unknown) {
        this._fontSource = src
        this._font = [family, size]
      },
      fontSize() {},
    }
    expect(() => installPdfkitFontCache(moved)).toThrow(
      cannot(
        'pdfkit',
        'PDFDocument.prototype.font is not the one this patch was written for (its source lacks "this._fontFamily = family")',
      ),
    )
  })
})
