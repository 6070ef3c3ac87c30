// Links on attached pages: web, mail and phone links and links to the attachment's own pages are rebuilt; others are left out.
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFString, type PDFRef } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { attachJob } from '../../src/attach/job.js'
import { rebuildLink } from '../../src/attach/rebuild-link.js'

async function source() {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const pages = [doc.addPage(), doc.addPage()]
  const index = new Map<PDFRef, number>(pages.map((page, i) => [page.ref, i]))
  const link = (entries: Record<string, unknown>) =>
    doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 20, 110, 40], StructParent: 3, ...entries }) as PDFDict
  return { doc, pages, index, link, job: await attachJob('letter.md', []) }
}

describe('rebuildLink', () => {
  test('a web link becomes a new link with its rectangle and URI only', async () => {
    const { doc, index, link, job } = await source()
    const rebuilt = rebuildLink(job, doc, link({ A: { S: 'URI', URI: PDFString.of('https://example.com/') } }), index)!
    expect(rebuilt.get(PDFName.of('StructParent'))).toBeUndefined()
    expect(rebuilt.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('URI'))).toEqual(PDFString.of('https://example.com/'))
    expect(rebuilt.lookup(PDFName.of('Rect'))!.toString()).toBe('[ 10 20 110 40 ]')
  })

  test('javascript:, file: links and other actions are left out (null)', async () => {
    const { doc, index, link, job } = await source()
    for (const uri of ['javascript:alert(1)', 'file:///etc/passwd'])
      expect(rebuildLink(job, doc, link({ A: { S: 'URI', URI: PDFString.of(uri) } }), index), uri).toBeNull()
    expect(rebuildLink(job, doc, link({ A: { S: 'Launch', F: PDFString.of('run.exe') } }), index)).toBeNull()
  })

  test("a link to one of the attachment's own pages gets that page's number (for the copy to be pointed at later)", async () => {
    const { doc, pages, index, link, job } = await source()
    const rebuilt = rebuildLink(job, doc, link({ Dest: [pages[1]!.ref, PDFName.of('Fit')] }), index)!
    expect(rebuilt.lookup(PDFName.of('Dest'))!.toString()).toBe('[ 1 /Fit ]')
    const byAction = rebuildLink(job, doc, link({ A: { S: 'GoTo', D: [PDFNumber.of(0), PDFName.of('XYZ'), 0, 800, 0] } }), index)!
    expect(byAction.lookup(PDFName.of('Dest'))!.toString()).toBe('[ 0 /XYZ 0 800 0 ]')
  })

  test('a link to a page it does not have is left out; a link without a destination goes nowhere (undefined)', async () => {
    const { doc, index, link, job } = await source()
    expect(rebuildLink(job, doc, link({ Dest: [PDFNumber.of(2), PDFName.of('Fit')] }), index)).toBeNull()
    expect(rebuildLink(job, doc, link({}), index)).toBeUndefined()
  })
})
