// react-pdf's standard "Helvetica" family leaves its font store, so an embedded face can take the name.
import { Font } from '@react-pdf/renderer'
import { describe, expect, test } from 'vitest'
import { registerFonts } from '../../src/fonts/index.js'
import { dropStandardHelvetica } from '../../src/patches/react-pdf-last-resort-font.js'
import { cannot } from './cannot.js'

type Store = { fontFamilies: Record<string, { sources: { src: string }[] }>; register(data: { family: string; src: string }): void }
const newStore = () => new (Font.constructor as new () => Store)()

describe('react-pdf last-resort font', () => {
  test('the standard Helvetica family is removed, the other standard families stay, and a face registered after is kept', () => {
    const store = newStore()
    expect(store.fontFamilies.Helvetica!.sources.map((s) => s.src)).toContain('Helvetica')
    dropStandardHelvetica(store)
    expect(store.fontFamilies.Helvetica).toBeUndefined()
    expect(store.fontFamilies.Courier).toBeDefined()
    store.register({ family: 'Helvetica', src: '/fonts/embedded.ttf' })
    dropStandardHelvetica(store)
    expect(store.fontFamilies.Helvetica!.sources.map((s) => s.src)).toEqual(['/fonts/embedded.ttf'])
  })

  test("after registerFonts, react-pdf's last resort is an embedded Noto Sans face", async () => {
    await registerFonts(['Noto Serif'])
    const sources = (Font as unknown as Store).fontFamilies.Helvetica!.sources.map((s) => s.src)
    expect(sources).toHaveLength(4)
    // Its Latin subset, or the full face for a letter that needs more.
    for (const src of sources) expect(src).toMatch(/noto-sans\/NotoSans-Regular(-Latin)?\.ttf$/)
  })

  test('a store without fontFamilies, or without the standard Helvetica, is refused by name and version', () => {
    expect(() => dropStandardHelvetica({})).toThrow(cannot('@react-pdf/font', 'the font store has no fontFamilies'))
    expect(() => dropStandardHelvetica({ fontFamilies: { Courier: {} } })).toThrow(
      cannot('@react-pdf/font', 'the font store has no built-in "Helvetica" family'),
    )
  })
})
