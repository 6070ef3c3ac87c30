// Shaping (fontkit's `layout`: OpenType substitution and positioning) is the largest single cost of laying out
// text, and react-pdf shapes the same runs again and again: yoga measures each paragraph at several widths,
// pagination lays pages out twice, fit tries several sizes, and a warm process renders similar letters. A glyph run
// depends only on the font and the arguments, and react-pdf only reads it (textkit copies the positions it scales),
// so each font keeps the runs it has shaped, most recently used first.
import { ownerOf, targetMethod } from './target.js'

type Layout = (text: string, features?: unknown, script?: string, language?: string, direction?: string) => unknown

/** Glyph runs kept per font face: a long letter shapes a few hundred distinct runs (about 10 KB each). */
export const SHAPING_CACHE_SIZE = 500

const caches = new WeakMap<object, Map<string, unknown>>()
const patched = new WeakSet<object>()

/** Cache `layout` for every font of `font`'s class, reached through that font (fontkit exports no class; once). */
export function installShapingCache(font: object): void {
  // The prototype that owns `layout` (TTFFont; WOFF and collection faces inherit from it).
  const proto = ownerOf(font, 'layout')
  if (proto && patched.has(proto)) return
  // A run is all layout makes: it hands the string and its four options to the layout engine.
  const layout = targetMethod<Layout>('fontkit', proto, 'TTFFont.prototype', 'layout', {
    length: 5,
    contains: ['this._layoutEngine.layout('],
  })
  ;(proto as { layout: Layout }).layout = function (this: object, text, features, script, language, direction) {
    // fontkit also lays out an array of glyphs, which a string key cannot tell apart ("[object Object],…").
    if (typeof text !== 'string') return layout.call(this, text, features, script, language, direction)
    let cache = caches.get(this)
    if (!cache) caches.set(this, (cache = new Map()))
    const key = `${direction ?? ''}\u0000${script ?? ''}\u0000${language ?? ''}\u0000${features === undefined ? '' : JSON.stringify(features)}\u0000${text}`
    const hit = cache.get(key)
    if (hit !== undefined) {
      // Most recently used last, so the oldest entry is the one dropped.
      cache.delete(key)
      cache.set(key, hit)
      return hit
    }
    const run = layout.call(this, text, features, script, language, direction) as { positions?: object[] }
    // Shared from now on: a caller that scales positions in place (pdfkit's own text API does) fails loudly
    // instead of corrupting the run for everyone after it.
    for (const position of run.positions ?? []) Object.freeze(position)
    cache.set(key, run)
    if (cache.size > SHAPING_CACHE_SIZE) cache.delete(cache.keys().next().value!)
    return run
  }
  patched.add(proto!)
}
