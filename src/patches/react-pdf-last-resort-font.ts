// react-pdf appends "Helvetica" to every font stack as the last resort and sets text without a family in it; its
// font store holds that family as a standard (never embedded) font. Removing it lets an embedded face take the name.
import { expectTarget } from './target.js'

type Store = { fontFamilies?: Record<string, unknown> }

const dropped = new WeakSet<object>()

/** Remove react-pdf's standard "Helvetica" family from its font store, for an embedded face to be registered under that name (once per store). */
export function dropStandardHelvetica(store: object): void {
  if (dropped.has(store)) return
  const families = (store as Store).fontFamilies
  expectTarget('@react-pdf/font', families && typeof families === 'object', 'the font store has no fontFamilies')
  expectTarget('@react-pdf/font', Object.hasOwn(families, 'Helvetica'), 'the font store has no built-in "Helvetica" family')
  delete families['Helvetica']
  dropped.add(store)
}
