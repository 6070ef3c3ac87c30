// pdfkit opens every document with Helvetica as its current font, and that standard (never embedded) font object
// is written into the file even when no text uses it; documents start with no font instead.
import PDFDocument from 'pdfkit'
import { targetMethod } from './target.js'

type InitFonts = (this: unknown, defaultFont?: string | null, defaultFontFamily?: string | null, defaultFontSize?: number) => void

const patched = new WeakSet<object>()

/** Make pdfkit documents start with no current font (once per prototype). */
export function installPdfkitDefaultFont(proto: object = PDFDocument.prototype): void {
  if (patched.has(proto)) return
  // Passing no default font works because pdfkit sets one only when it is given.
  const initFonts = targetMethod<InitFonts>('pdfkit', proto, 'PDFDocument.prototype', 'initFonts', {
    contains: [/if \(defaultFont\) \{\s*this\.font\(defaultFont/],
  })
  ;(proto as { initFonts: InitFonts }).initFonts = function (_defaultFont, family, size) {
    initFonts.call(this, null, family, size)
  }
  patched.add(proto)
}
