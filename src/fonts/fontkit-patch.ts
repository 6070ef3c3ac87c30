// A contained fix to fontkit (the font engine react-pdf shapes text with), applied once per process.
//
// An OpenType mark-to-base lookup may have no anchor for a mark class on some base (a NULL offset: "this
// mark does not attach here"). fontkit reads that as an anchor and crashes on it ("Cannot read properties of
// null (reading 'xCoordinate')"), failing the whole letter: Noto Serif Italic does it for "ŵἉ" with U+0314.
// Leaving such a mark where the base put it is what the font means.

type Anchor = { xCoordinate: number; yCoordinate: number } | null
type Processor = { applyAnchor(markRecord: { markAnchor: Anchor }, baseAnchor: Anchor, baseGlyphIndex: number): void }
type ShapingFont = { layout(text: string): unknown; _layoutEngine?: { engine?: { GPOSProcessor?: object } } }

let patched = false

/** Patch fontkit's GPOS processor, reached through a font that has shaped a mark (its class is not exported). */
export function patchFontkit(font: ShapingFont | undefined): void {
  if (patched || !font?.layout) return
  font.layout('a\u0301')
  const processor = font._layoutEngine?.engine?.GPOSProcessor
  if (!processor) return
  const proto = Object.getPrototypeOf(processor) as Processor
  const applyAnchor = proto.applyAnchor
  proto.applyAnchor = function (markRecord, baseAnchor, baseGlyphIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) return
    applyAnchor.call(this, markRecord, baseAnchor, baseGlyphIndex)
  }
  patched = true
}
