// registerFonts installs the patches, the shaping cache among them, for the fonts react-pdf loads (its own worker:
// the patch is per process).
import { Font } from '@react-pdf/renderer'
import { describe, expect, test } from 'vitest'
import { registerFonts } from '../../src/fonts/index.js'
import { renderLetter } from '../../src/index.js'

type Run = { glyphs: { id: number }[] }
const face = (fontFamily: string, fontWeight = 400, fontStyle = 'normal') =>
  (Font.getFont({ fontFamily, fontWeight, fontStyle } as never) as unknown as { data: { layout(text: string): Run } }).data

describe('shaping cache installed by registerFonts', () => {
  test('every face react-pdf loads reuses its runs, also one loaded after the cache was installed', async () => {
    await registerFonts(['Noto Serif'])
    await Font.load({ fontFamily: 'Noto Serif', fontWeight: 400, fontStyle: 'normal' } as never)
    const regular = face('Noto Serif')
    expect(regular.layout('Hello world') === regular.layout('Hello world')).toBe(true)
    await Font.load({ fontFamily: 'Noto Serif', fontWeight: 700, fontStyle: 'italic' } as never)
    const boldItalic = face('Noto Serif', 700, 'italic')
    expect(boldItalic === regular).toBe(false)
    expect(boldItalic.layout('Hello world') === boldItalic.layout('Hello world')).toBe(true)
    expect(boldItalic.layout('Hello world') === regular.layout('Hello world')).toBe(false)
  })

  test('a warm process renders the same letter to the same bytes', async () => {
    const letter = 'Dear Sam,\n\nThank you for the **office** visit; *affairs* went well.\n\nBest regards,\nKim Lee\n'
    const options = { sourceDateEpoch: 1_790_000_000, fontDirs: [] }
    const first = await renderLetter(letter, options)
    const second = await renderLetter(letter, options)
    expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true)
  })
})
