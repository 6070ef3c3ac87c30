// react-pdf parses a font file once per weight/style it is registered for; parsing (GPOS tables above all)
// dominates a cold render, so every source of the same file waits for the first one and shares its parsed font.
// A family can also stand for two sets of files (a bundled face's Latin subset and the full face): the store
// resolves a family to its sources, so exchanging two families' sources switches the files without parsing any.
import { expectTarget, targetMethod } from './target.js'

type FontSource = { src: unknown; data: unknown; load(): Promise<void>; _load(): Promise<void> }
type Store = { fontFamilies?: Record<string, { sources?: unknown } | undefined> }

/** The first react-pdf font source registered for each file: later ones share its parsed font. */
const firstSource = new Map<unknown, FontSource>()
const checked = new WeakSet<object>()

/** Make each source of `family` in react-pdf's font store whose file an earlier source has share that source's parsed font. */
export function shareParsedFonts(store: object, family: string): void {
  for (const source of familySources(store, family)) {
    const first = firstSource.get(source.src)
    if (!first) {
      firstSource.set(source.src, source)
      continue
    }
    if (first === source) continue
    source._load = async () => {
      await first.load()
      source.data = first.data
    }
  }
}

/** Exchange the registered sources of two families in react-pdf's font store: each then resolves to the other's files. */
export function exchangeSources(store: object, family: string, other: string): void {
  const mine = familySources(store, family)
  const theirs = familySources(store, other)
  const families = (store as Store).fontFamilies!
  families[family]!.sources = theirs
  families[other]!.sources = mine
}

/** The registered sources of a family, each checked to be a font source that loads (once) through its `_load`. */
function familySources(store: object, family: string): FontSource[] {
  const families = (store as Store).fontFamilies
  expectTarget('@react-pdf/font', families && typeof families === 'object', 'the font store has no fontFamilies')
  const sources = families[family]?.sources
  expectTarget('@react-pdf/font', Array.isArray(sources), `the font store's fontFamilies["${family}"] has no sources after Font.register`)
  for (const source of sources as object[]) {
    const proto = Object.getPrototypeOf(source) as object
    if (checked.has(proto)) continue
    expectTarget('@react-pdf/font', 'src' in source && 'data' in source, 'a font source has no src and data')
    targetMethod('@react-pdf/font', source, 'FontSource.prototype', 'load', { contains: ['this._load()'] })
    targetMethod('@react-pdf/font', source, 'FontSource.prototype', '_load')
    checked.add(proto)
  }
  return sources as FontSource[]
}
