// A layout that loses text (drawn past the sheet's edge, or set in no width) fails the render with what was lost.
import { Document, Page, Text, View } from '@react-pdf/renderer'
import { beforeAll, describe, expect, test } from 'vitest'
import { registerFonts } from '../../src/fonts/index.js'
import { LetterError } from '../../src/parse/errors.js'
import { paginate, drawDocument } from '../../src/draw/index.js'
import { lostText } from '../../src/draw/lost-text.js'
import { readPdf } from '../helpers/pdf.js'

const font = { fontFamily: 'Noto Serif', fontSize: 10 }
const words = (n: number, p = 'w') => Array.from({ length: n }, (_, i) => `${p}${i}`).join(' ')

/** What lostText says about a page holding `children`. */
async function lost(children: React.ReactNode, page: { padding: number } = { padding: 50 }): Promise<string | null> {
  const laid = await paginate(
    <Document>
      <Page size="A4" style={page}>
        {children}
      </Page>
    </Document>,
  )
  return lostText(laid.layout)
}

beforeAll(() => registerFonts(['Noto Serif']))

describe('lostText', () => {
  test('text that fits its pages loses nothing: left, right-aligned, justified, split over pages, in rows', async () => {
    expect(
      await lost(
        <>
          <Text style={font}>{words(40)}</Text>
          <Text style={[font, { textAlign: 'right' }]}>right</Text>
          <Text style={[font, { textAlign: 'justify' }]}>{words(2000)}</Text>
          <View style={{ flexDirection: 'row' }}>
            <Text style={[font, { flex: 1 }]}>{words(300, 'a')}</Text>
            <Text style={[font, { flex: 1 }]}>{words(300, 'b')}</Text>
          </View>
          <Text
            fixed
            style={[font, { position: 'absolute', top: 10, right: 50 }]}
            render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
          />
        </>,
      ),
    ).toBeNull()
  })

  test('lines set to the very edge of the sheet, with the space they broke at, lose nothing', async () => {
    expect(await lost(<Text style={[font, { textAlign: 'justify' }]}>{words(600)}</Text>, { padding: 0 })).toBeNull()
  })

  test('a block that may not split and is taller than the page runs off it', async () => {
    const message = await lost(
      <View wrap={false}>
        <Text style={font}>{words(1500)}</Text>
      </View>,
    )
    expect(message).toMatch(/^text runs off page 1 \("w\d+ w\d+ w\d+ w\d+ w\d+ w\d+ …"\): the layout cannot set it/)
  })

  test('text placed past the right edge runs off the page', async () => {
    expect(await lost(<Text style={[font, { position: 'absolute', left: 560, top: 100, width: 200 }]}>far right words</Text>)).toMatch(
      /^text runs off page 1 \("far right words"\)/,
    )
  })

  test('text laid out in no width is lost', async () => {
    const message = await lost(
      <View style={{ marginLeft: 495 }}>
        <Text style={font}>squeezed out</Text>
      </View>,
    )
    expect(message).toBe(
      'text is set in no width on page 1 ("squeezed out"): the layout cannot set it (nested too deeply, or in too narrow a column)',
    )
  })
})

describe('drawDocument', () => {
  test('a layout that loses text throws a LetterError instead of a PDF', async () => {
    const render = drawDocument(
      <Document>
        <Page size="A4" style={{ padding: 50 }}>
          <View wrap={false}>
            <Text style={font}>{words(1500)}</Text>
          </View>
        </Page>
      </Document>,
    )
    await expect(render).rejects.toBeInstanceOf(LetterError)
    await expect(render).rejects.toThrow(/text runs off page 1/)
  })

  test('a layout that keeps its text renders, and reads back every word', async () => {
    const { pdf } = await drawDocument(
      <Document>
        <Page size="A4" style={{ padding: 50 }}>
          <Text style={font}>{words(1500)}</Text>
        </Page>
      </Document>,
    )
    const text = (await readPdf(pdf)).text.join(' ')
    for (const w of ['w0', 'w749', 'w1499']) expect(text).toContain(w)
  })
})
