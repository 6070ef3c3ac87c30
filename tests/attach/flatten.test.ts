// Flattening: an annotation's appearance drawn into the page where it stands (ISO 32000 12.5.5).
import { inflateSync } from 'node:zlib'
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { flatten } from '../../src/attach/flatten.js'
import { attachJob } from '../../src/attach/job.js'

/** A page with content of its own and one annotation whose appearance has this BBox (and Matrix, when given). */
async function annotated(annot: Record<string, unknown>, appearance: { BBox: number[]; Matrix?: number[] }) {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const page = doc.addPage([595, 842])
  page.drawText('own content')
  const stream = doc.context.register(doc.context.stream('0 0 m 10 10 l S', { Type: 'XObject', ...appearance }))
  const dict = doc.context.obj({ Type: 'Annot', Subtype: 'Stamp', AP: { N: stream }, ...annot }) as PDFDict
  return { doc, page, dict, stream }
}

/** What flatten drew after the page's own content (the last content stream), and the page's content streams. */
function drawn(doc: PDFDocument, page: PDFPage): { text: string; contents: unknown[] } {
  const contents = doc.context.lookup(page.node.get(PDFName.of('Contents'))) as unknown as { asArray(): PDFRef[] }
  const refs = contents.asArray()
  const last = doc.context.lookup(refs.at(-1)) as PDFRawStream
  return { text: inflateSync(Buffer.from(last.getContents())).toString('latin1'), contents: refs }
}

const job = () => attachJob('letter.md', [])

describe('flatten', () => {
  test("an appearance scaled to its annotation's rectangle: BBox 50 × 10 into a 100 × 20 Rect at (100, 200)", async () => {
    const { doc, page, dict, stream } = await annotated({ Rect: [100, 200, 200, 220] }, { BBox: [0, 0, 50, 10] })
    flatten(await job(), doc, page, [dict])
    expect(drawn(doc, page).text).toBe('Q\nq 2 0 0 2 100 200 cm /LpAnnot1 Do Q\n')
    // The appearance is a Form XObject in the page's resources under the name the operators use.
    const xobjects = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict)
    expect(xobjects.get(PDFName.of('LpAnnot1'))).toBe(stream)
    expect((doc.context.lookup(stream) as PDFRawStream).dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('Form'))
  })

  test('a rotating Matrix turns the BBox first: the turned box, not the BBox, is fitted to the Rect', async () => {
    // [0 1 -1 0 0 0] turns BBox 0 0 100 20 into x -20…0, y 0…100; the Rect is 20 × 100 at (300, 400).
    const { doc, page, dict } = await annotated({ Rect: [320, 500, 300, 400] }, { BBox: [0, 0, 100, 20], Matrix: [0, 1, -1, 0, 0, 0] })
    flatten(await job(), doc, page, [dict])
    expect(drawn(doc, page).text).toBe('Q\nq 1 0 0 1 320 400 cm /LpAnnot1 Do Q\n')
  })

  test("scales differ across and up; the BBox's origin and the Matrix's translation move the fitted box", async () => {
    // The Matrix moves BBox 10 10 110 30 to x 15…115, y 0…20; the Rect is 50 × 40 at (200, 300).
    const { doc, page, dict } = await annotated({ Rect: [200, 300, 250, 340] }, { BBox: [10, 10, 110, 30], Matrix: [1, 0, 0, 1, 5, -10] })
    flatten(await job(), doc, page, [dict])
    expect(drawn(doc, page).text).toBe('Q\nq 0.5 0 0 2 192.5 300 cm /LpAnnot1 Do Q\n')
  })

  test("the page's own content is wrapped in q … Q before the drawings", async () => {
    const { doc, page, dict } = await annotated({ Rect: [0, 0, 10, 10] }, { BBox: [0, 0, 10, 10] })
    // pdf-lib gives the page an array of content streams: they stay, in order, between q and the drawings.
    const own = (doc.context.lookup(page.node.get(PDFName.of('Contents'))) as unknown as { asArray(): PDFRef[] }).asArray()
    flatten(await job(), doc, page, [dict])
    const { contents } = drawn(doc, page)
    expect(own.length).toBeGreaterThan(0)
    expect(contents.slice(1, -1)).toEqual(own)
    expect(Buffer.from((doc.context.lookup(contents[0] as PDFRef) as PDFRawStream).getContents()).toString()).toBe('q\n')
  })

  test('appearances by state: the one /AS names', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false })
    const page = doc.addPage([595, 842])
    const on = doc.context.register(doc.context.stream('', { BBox: [0, 0, 10, 10] }))
    const off = doc.context.register(doc.context.stream('', { BBox: [0, 0, 10, 10] }))
    const dict = doc.context.obj({ Subtype: 'Widget', Rect: [10, 10, 30, 30], AS: 'On', AP: { N: { On: on, Off: off } } }) as PDFDict
    flatten(await job(), doc, page, [dict])
    expect(drawn(doc, page).text).toBe('Q\nq 2 0 0 2 10 10 cm /LpAnnot1 Do Q\n')
    expect(page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict).get(PDFName.of('LpAnnot1'))).toBe(on)
  })

  test('hidden, no-view and popup annotations, and an appearance without area, draw nothing and leave the content alone', async () => {
    for (const [annot, bbox] of [
      [{ Rect: [0, 0, 10, 10], F: 2 }, [0, 0, 10, 10]],
      [{ Rect: [0, 0, 10, 10], F: 32 }, [0, 0, 10, 10]],
      [{ Rect: [0, 0, 10, 10], Subtype: 'Popup' }, [0, 0, 10, 10]],
      [{ Rect: [0, 0, 10, 10] }, [0, 0, 0, 10]],
    ] as const) {
      const { doc, page, dict } = await annotated(annot, { BBox: [...bbox] })
      const own = page.node.get(PDFName.of('Contents'))
      flatten(await job(), doc, page, [dict])
      expect(page.node.get(PDFName.of('Contents')), JSON.stringify(annot)).toBe(own)
    }
  })

  test('several drawings on one page get names of their own, in order', async () => {
    const { doc, page, dict } = await annotated({ Rect: [0, 0, 10, 10] }, { BBox: [0, 0, 10, 10] })
    const second = doc.context.obj({
      Subtype: 'Stamp',
      Rect: [20, 20, 25, 25],
      AP: { N: doc.context.register(doc.context.stream('', { BBox: [0, 0, 10, 10] })) },
    }) as PDFDict
    flatten(await job(), doc, page, [dict, second])
    expect(drawn(doc, page).text).toBe('Q\nq 1 0 0 1 0 0 cm /LpAnnot1 Do Q\nq 0.5 0 0 0.5 20 20 cm /LpAnnot2 Do Q\n')
  })
})
