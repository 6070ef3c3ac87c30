// fontkit keeps one glyph object per id for the font's life, with the code points of whoever asked first, and
// ignores those later callers pass. A composite's parts are made with none (embedding "Ä" reads "A" as a part), so
// the "A" of every later letter in the process stands for nothing and its PDF's ToUnicode map says "<>": the word
// is missing from the text layer. What a glyph stands for is the caller's: each caller gets a glyph with exactly
// the code points it asks for, the same object each time.
import { expectTarget, ownerOf, targetMethod } from './target.js'

type Glyph = { id: number; codePoints: number[]; constructor: new (id: number, codePoints: number[], font: object) => Glyph }
type GetGlyph = (this: object, id: number, codePoints?: number[]) => Glyph | null

/** Glyphs handed out for code points other than those their id was first made with: per font, by "id:code points". */
const variants = new WeakMap<object, Map<string, Glyph>>()
const patched = new WeakSet<object>()

const sameCodePoints = (a: number[], b: number[]) => a.length === b.length && a.every((cp, i) => cp === b[i])

/** Make fontkit's glyph lookup keep the code points each caller asks for, for every font of `font`'s class (once). */
export function installFontkitCodePoints(font: object): void {
  // The prototype that owns `getGlyph` (TTFFont; WOFF, WOFF2 and collection faces inherit from it).
  const proto = ownerOf(font, 'getGlyph')
  if (proto && patched.has(proto)) return
  const getGlyph = targetMethod<GetGlyph>('fontkit', proto, 'TTFFont.prototype', 'getGlyph', { length: 1, contains: ['this._glyphs['] })
  // The glyph's class is what a variant is made with: it takes the id, the code points and the font.
  const probe = getGlyph.call(font, 0, [])
  expectTarget(
    'fontkit',
    probe && probe.id === 0 && Array.isArray(probe.codePoints) && typeof probe.constructor === 'function',
    'TTFFont.prototype.getGlyph(0) gives no glyph with an id and code points',
  )
  ;(proto as { getGlyph: GetGlyph }).getGlyph = function (id, codePoints = []) {
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
  patched.add(proto!)
}
