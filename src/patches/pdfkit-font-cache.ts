// react-pdf sets the font before every run of glyphs, passing the fontkit font itself. pdfkit keys its font cache by
// name only, so each call built a new embedded font and compared font name tables as JSON to find the one it
// already had (about 5 % of a render). The answer is remembered per font object.
import PDFDocument from 'pdfkit'
import { targetMethod } from './target.js'

type FontDoc = { _font: unknown; _fontSource: unknown; _fontFamily: unknown; fontSize(size: number): void }
type SetFont = (this: FontDoc, src: unknown, family?: unknown, size?: number) => FontDoc

/** The embedded font of each font object, per document. */
const fontsByObject = new WeakMap<object, WeakMap<object, unknown>>()
const patched = new WeakSet<object>()

/** Make pdfkit's `font()` reuse the embedded font of a font object it was given before (once per prototype). */
export function installPdfkitFontCache(proto: object = PDFDocument.prototype): void {
  if (patched.has(proto)) return
  // A cache hit sets what pdfkit's own font() sets: the source, the family, the size and the font.
  const font = targetMethod<SetFont>('pdfkit', proto, 'PDFDocument.prototype', 'font', {
    length: 3,
    contains: ['this._fontSource = src', 'this._fontFamily = family', 'this.fontSize(size)', 'this._font ='],
  })
  targetMethod('pdfkit', proto, 'PDFDocument.prototype', 'fontSize')
  ;(proto as { font: SetFont }).font = function (src, family, size) {
    if (!src || typeof src !== 'object' || typeof family === 'string') return font.call(this, src, family, size)
    let known = fontsByObject.get(this)
    if (!known) fontsByObject.set(this, (known = new WeakMap()))
    const embedded = known.get(src)
    if (!embedded) {
      font.call(this, src, family, size)
      known.set(src, this._font)
      return this
    }
    if (typeof family === 'number') size = family
    this._fontSource = src
    this._fontFamily = null
    if (size != null) this.fontSize(size)
    this._font = embedded
    return this
  }
  patched.add(proto)
}
