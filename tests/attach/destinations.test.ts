// Destinations as links give them: explicit arrays, dictionaries with /D, names (PDF 1.1) and name-tree strings.
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib'
import { beforeAll, describe, expect, test } from 'vitest'
import { destination } from '../../src/attach/destinations.js'
import { attachJob, type AttachJob } from '../../src/attach/job.js'

let job: AttachJob
beforeAll(async () => {
  job = await attachJob('letter.md', [])
})

/** A two-page document and the explicit destination [page /Fit] of each page. */
async function document() {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const pages = [doc.addPage(), doc.addPage()]
  const views = pages.map((page) => doc.context.obj([page.ref, PDFName.of('Fit')]) as PDFArray)
  return { doc, views }
}

describe('destination', () => {
  test('an explicit destination is itself; a dictionary gives its /D (also by reference)', async () => {
    const { doc, views } = await document()
    expect(destination(job, doc, views[0])).toBe(views[0])
    const dict = doc.context.register(doc.context.obj({ D: views[1] }))
    expect(destination(job, doc, dict)).toBe(views[1])
  })

  test("a name is looked up in the catalog's Dests dictionary", async () => {
    const { doc, views } = await document()
    doc.catalog.set(PDFName.of('Dests'), doc.context.obj({ start: views[0], end: { D: views[1] } }))
    expect(destination(job, doc, PDFName.of('start'))).toBe(views[0])
    expect(destination(job, doc, PDFName.of('end'))).toBe(views[1])
    expect(destination(job, doc, PDFName.of('missing'))).toBeUndefined()
  })

  test("a string is looked up in the Names dictionary's Dests tree, through kids whose Limits hold it", async () => {
    const { doc, views } = await document()
    const leaf = (names: [string, PDFObject][], limits: [string, string]) =>
      doc.context.register(
        doc.context.obj({ Limits: limits.map((s) => PDFString.of(s)), Names: names.flatMap(([key, value]) => [PDFString.of(key), value]) }),
      )
    // "cv" lies in the second kid's Limits only; the first kid has a "cv" too, which its Limits rule out.
    const tree = doc.context.obj({
      Kids: [
        leaf(
          [
            ['a', views[1]!],
            ['cv', views[1]!],
          ],
          ['a', 'b'],
        ),
        leaf(
          [
            ['cv', views[0]!],
            ['z', views[1]!],
          ],
          ['c', 'z'],
        ),
      ],
    })
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ Dests: tree }))
    expect(destination(job, doc, PDFString.of('cv'))).toBe(views[0])
    // Hex strings compare by their bytes (7A is "z"), as literal ones do.
    expect(destination(job, doc, PDFHexString.of('7A'))).toBe(views[1])
    expect(destination(job, doc, PDFString.of('nowhere'))).toBeUndefined()
  })

  test('a destination that names itself ends after a few steps instead of looping', async () => {
    const { doc } = await document()
    const loop = doc.context.nextRef()
    doc.context.assign(loop, doc.context.obj({ D: loop }))
    expect(destination(job, doc, loop)).toBeUndefined()
  })
})
