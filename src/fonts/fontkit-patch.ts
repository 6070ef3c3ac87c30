// Two contained fixes to fontkit (the font engine react-pdf shapes text with), applied once per process.

type Anchor = { xCoordinate: number; yCoordinate: number } | null
type Processor = { applyAnchor(markRecord: { markAnchor: Anchor }, baseAnchor: Anchor, baseGlyphIndex: number): void }
type Glyph = { id: number; codePoints: number[]; constructor: new (id: number, codePoints: number[], font: object) => Glyph }
type GetGlyph = (this: object, id: number, codePoints?: number[]) => Glyph | null
type ShapingFont = { layout(text: string): unknown; getGlyph?: GetGlyph; _layoutEngine?: { engine?: { GPOSProcessor?: object } } }

let anchorsPatched = false
let glyphsPatched = false

/** Patch fontkit's glyph lookup and GPOS processor once, reached through a loaded font (the classes are not exported). */
export function patchFontkit(font: ShapingFont | undefined): void {
  if (!font?.layout) return
  if (!glyphsPatched) glyphsPatched = keepCodePoints(font)
  if (!anchorsPatched) anchorsPatched = skipMissingAnchors(font)
}

// 1. An OpenType mark-to-base lookup may have no anchor for a mark class on some base (a NULL offset: "this
//    mark does not attach here"). fontkit reads that as an anchor and crashes on it ("Cannot read properties
//    of null (reading 'xCoordinate')"), failing the whole letter: Noto Serif Italic does it for "ŵἉ" with
//    U+0314. Leaving such a mark where the base put it is what the font means.
function skipMissingAnchors(font: ShapingFont): boolean {
  // The processor exists once the font has shaped a mark; a face without GPOS has none.
  font.layout('a\u0301')
  const processor = font._layoutEngine?.engine?.GPOSProcessor
  if (!processor) return false
  const proto = Object.getPrototypeOf(processor) as Processor
  const applyAnchor = proto.applyAnchor
  proto.applyAnchor = function (markRecord, baseAnchor, baseGlyphIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) return
    applyAnchor.call(this, markRecord, baseAnchor, baseGlyphIndex)
  }
  return true
}

/** Glyphs handed out for code points other than those their id was first made with: per font, by "id:code points". */
const variants = new WeakMap<object, Map<string, Glyph>>()

const sameCodePoints = (a: number[], b: number[]) => a.length === b.length && a.every((cp, i) => cp === b[i])

// 2. fontkit keeps one glyph object per id for the font's life, with the code points of whoever asked first,
//    and ignores those later callers pass. A composite's parts are made with none (embedding "Ä" reads "A" as
//    a part), so the "A" of every later letter in the process stands for nothing and its PDF's ToUnicode map
//    says "<>": the word is missing from the text layer. What a glyph stands for is the caller's: hand out a
//    glyph with exactly the code points asked for, the same object each time.
function keepCodePoints(font: ShapingFont): boolean {
  // The prototype that owns `getGlyph` (TTFFont; WOFF, WOFF2 and collection faces inherit from it).
  let owner: object | null = font
  while (owner && !Object.hasOwn(owner, 'getGlyph')) owner = Object.getPrototypeOf(owner) as object | null
  if (!owner) return false
  const proto = owner as { getGlyph: GetGlyph }
  const getGlyph = proto.getGlyph
  proto.getGlyph = function (id, codePoints = []) {
    const glyph = getGlyph.call(this, id, codePoints)
    if (!glyph || sameCodePoints(glyph.codePoints, codePoints)) return glyph
    let known = variants.get(this)
    if (!known) variants.set(this, (known = new Map()))
    const key = `${id}:${codePoints.join(',')}`
    let variant = known.get(key)
    // The glyph's own class, as fontkit would have made it had this caller been first.
    if (!variant) known.set(key, (variant = new glyph.constructor(id, [...codePoints], this)))
    return variant
  }
  return true
}
