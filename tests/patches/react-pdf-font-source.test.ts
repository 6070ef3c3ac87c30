// Every react-pdf font source of one file waits for the first and shares its parsed font.
import { join } from 'node:path'
import { Font } from '@react-pdf/renderer'
import { describe, expect, test } from 'vitest'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { exchangeSources, shareParsedFonts } from '../../src/patches/react-pdf-font-source.js'
import { cannot } from './cannot.js'

type Source = { src: string; data: unknown }
type Store = {
  register(data: { family: string; fonts: { src: string; fontWeight: number; fontStyle?: string }[] }): void
  load(descriptor: { fontFamily: string; fontWeight: number; fontStyle: string }): Promise<void>
  getFont(descriptor: { fontFamily: string; fontWeight: number; fontStyle: string }): Source
}
/** A font store of its own, as react-pdf makes the one it exports. */
const newStore = () => new (Font.constructor as new () => Store)()
const face = (store: Store, fontFamily: string, fontWeight: number, fontStyle = 'normal') =>
  store.getFont({ fontFamily, fontWeight, fontStyle })

describe('react-pdf font sources', () => {
  test('the faces of one file, in one family and in another, share one parsed font', async () => {
    const store = newStore()
    const src = join(bundledFontsDir, 'noto-sans-mono/NotoSansMono-Regular.ttf')
    store.register({
      family: 'Mono',
      fonts: [
        { src, fontWeight: 400 },
        { src, fontWeight: 700 },
      ],
    })
    shareParsedFonts(store, 'Mono')
    store.register({ family: 'Mono Again', fonts: [{ src, fontWeight: 400 }] })
    shareParsedFonts(store, 'Mono Again')
    await Promise.all([
      store.load({ fontFamily: 'Mono', fontWeight: 700, fontStyle: 'normal' }),
      store.load({ fontFamily: 'Mono Again', fontWeight: 400, fontStyle: 'normal' }),
    ])
    const first = face(store, 'Mono', 400).data
    expect(first).toBeTruthy()
    expect(face(store, 'Mono', 700).data).toBe(first)
    expect(face(store, 'Mono Again', 400).data).toBe(first)
  })

  test('without it, react-pdf parses the file once per face', async () => {
    const store = newStore()
    const src = join(bundledFontsDir, 'noto-sans-mono/NotoSansMono-Bold.ttf')
    store.register({
      family: 'Unshared',
      fonts: [
        { src, fontWeight: 400 },
        { src, fontWeight: 700 },
      ],
    })
    await Promise.all([400, 700].map((fontWeight) => store.load({ fontFamily: 'Unshared', fontWeight, fontStyle: 'normal' })))
    expect(face(store, 'Unshared', 700).data).not.toBe(face(store, 'Unshared', 400).data)
  })

  test("exchanging two families' sources makes each resolve to the other's files, and back again, parsing none", async () => {
    const store = newStore()
    const regular = join(bundledFontsDir, 'noto-sans/NotoSans-Regular-Latin.ttf')
    const full = join(bundledFontsDir, 'noto-sans/NotoSans-Regular.ttf')
    store.register({ family: 'Sans', fonts: [{ src: regular, fontWeight: 400 }] })
    store.register({ family: 'Sans Full', fonts: [{ src: full, fontWeight: 400 }] })
    exchangeSources(store, 'Sans', 'Sans Full')
    expect(face(store, 'Sans', 400).src).toBe(full)
    expect(face(store, 'Sans Full', 400).src).toBe(regular)
    expect(face(store, 'Sans', 400).data).toBe(null)
    await store.load({ fontFamily: 'Sans', fontWeight: 400, fontStyle: 'normal' })
    expect(face(store, 'Sans Full', 400).data).toBe(null)
    exchangeSources(store, 'Sans', 'Sans Full')
    expect(face(store, 'Sans', 400).src).toBe(regular)
    expect(face(store, 'Sans Full', 400).data).toBeTruthy()
    expect(() => exchangeSources(store, 'Sans', 'Not Registered')).toThrow(
      cannot('@react-pdf/font', 'the font store\'s fontFamilies["Not Registered"] has no sources after Font.register'),
    )
  })

  test('a store or source of another shape is refused by name and version', () => {
    expect(() => shareParsedFonts({}, 'Any')).toThrow(cannot('@react-pdf/font', 'the font store has no fontFamilies'))
    expect(() => shareParsedFonts({ fontFamilies: {} }, 'Any')).toThrow(
      cannot('@react-pdf/font', 'the font store\'s fontFamilies["Any"] has no sources after Font.register'),
    )
    class Loaded {
      src = 'a.ttf'
      data = null
      async load() {}
    }
    expect(() => shareParsedFonts({ fontFamilies: { Any: { sources: [new Loaded()] } } }, 'Any')).toThrow(
      cannot('@react-pdf/font', 'FontSource.prototype.load is not the one this patch was written for (its source lacks "this._load()")'),
    )
    class NoPrivateLoad {
      src = 'b.ttf'
      data = null
      async load(this: { _load(): Promise<void> }) {
        await this._load()
      }
    }
    expect(() => shareParsedFonts({ fontFamilies: { Any: { sources: [new NoPrivateLoad()] } } }, 'Any')).toThrow(
      cannot('@react-pdf/font', 'FontSource.prototype._load is missing'),
    )
    expect(() => shareParsedFonts({ fontFamilies: { Any: { sources: [{ src: 'c.ttf' }] } } }, 'Any')).toThrow(
      cannot('@react-pdf/font', 'a font source has no src and data'),
    )
  })
})
