// An OpenType mark-to-base lookup may have no anchor for a mark class on some base (a NULL offset: "this mark does
// not attach here"). fontkit reads that as an anchor and crashes on it ("Cannot read properties of null (reading
// 'xCoordinate')"), failing the whole letter: Noto Serif Italic does it for "ŵἉ" with U+0314. Leaving such a
// mark where the base put it is what the font means.
import { expectTarget, targetMethod } from './target.js'

type Anchor = { xCoordinate: number; yCoordinate: number } | null
type ApplyAnchor = (this: object, markRecord: { markAnchor: Anchor }, baseAnchor: Anchor, baseGlyphIndex: number) => void
type ShapingFont = { _layoutEngine?: { engine?: { GPOSProcessor?: object | null } } }

const patched = new WeakSet<object>()

/** Make fontkit's GPOS processor skip a mark that has no anchor on its base, reached through `font` (a face with GPOS; once). */
export function installFontkitMarkAnchors(font: object): void {
  // fontkit exports no processor class: the layout engine of a face with a GPOS table has an instance.
  const processor = (font as ShapingFont)._layoutEngine?.engine?.GPOSProcessor
  expectTarget(
    'fontkit',
    processor && typeof processor === 'object',
    'a font with a GPOS table has no font._layoutEngine.engine.GPOSProcessor',
  )
  const proto = Object.getPrototypeOf(processor) as object
  if (patched.has(proto)) return
  const applyAnchor = targetMethod<ApplyAnchor>('fontkit', proto, 'GPOSProcessor.prototype', 'applyAnchor', {
    length: 3,
    contains: ['this.getAnchor(baseAnchor)', 'this.getAnchor(markRecord.markAnchor)'],
  })
  ;(proto as { applyAnchor: ApplyAnchor }).applyAnchor = function (markRecord, baseAnchor, baseGlyphIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) return
    applyAnchor.call(this, markRecord, baseAnchor, baseGlyphIndex)
  }
  patched.add(proto)
}
