// A pdfkit document starts with no current font, so no unused standard Helvetica is written into it.
import { describe, expect, test } from 'vitest'
import { installPdfkitDefaultFont } from '../../src/patches/pdfkit-default-font.js'
import { cannot } from './cannot.js'
import { newDoc, written } from './pdfkit-doc.js'

describe('pdfkit default font', () => {
  test('a fresh document has no font, and an empty page written from it names none', async () => {
    installPdfkitDefaultFont()
    const doc = newDoc()
    expect(doc._font).toBeNull()
    expect(doc._fontFamilies).toEqual({})
    const pdf = await written(doc)
    expect(pdf).not.toContain('Helvetica')
    expect(pdf).not.toContain('/Type /Font')
  })

  test('the family and size a document is opened with are kept; only the default font is dropped', () => {
    const calls: unknown[][] = []
    const proto = {
      initFonts(this: { font(src: string): void }, defaultFont: string | null = 'Helvetica', family: string | null = null, size = 12) {
        calls.push([defaultFont, family, size])
        if (defaultFont) {
          this.font(defaultFont)
        }
      },
      font: () => calls.push(['font']),
    }
    installPdfkitDefaultFont(proto)
    installPdfkitDefaultFont(proto)
    proto.initFonts.call(proto, 'Helvetica', 'Sans', 10)
    // The default parameter makes no font from null, and font() is never called.
    expect(calls).toEqual([[null, 'Sans', 10]])
  })

  test('a prototype without initFonts, or with one that sets its default font otherwise, is refused by name and version', () => {
    expect(() => installPdfkitDefaultFont({})).toThrow(cannot('pdfkit', 'PDFDocument.prototype.initFonts is missing'))
    expect(() => installPdfkitDefaultFont({ initFonts: 'Helvetica' })).toThrow(
      cannot('pdfkit', 'PDFDocument.prototype.initFonts is not a function'),
    )
    const moved = {
      initFonts(this: { font(src: string): void }, defaultFont = 'Helvetica') {
        this.font(defaultFont ?? 'Helvetica')
      },
    }
    expect(() => installPdfkitDefaultFont(moved)).toThrow(
      cannot(
        'pdfkit',
        'PDFDocument.prototype.initFonts is not the one this patch was written for (its source lacks /if \\(defaultFont\\) \\{\\s*this\\.font\\(defaultFont/)',
      ),
    )
  })
})
