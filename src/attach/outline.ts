import type { PDFDict, PDFDocument, PDFPage, PDFRef } from 'pdf-lib'
import type { AttachJob } from './job.js'

/** An outline entry: a title pointing at a page. */
export interface OutlineEntry {
  title: string
  page: PDFPage
}

/**
 * Add entries for the attached PDFs to the outline the drawn parts already have (the letter's, each Markdown
 * part's), all in page order, so the bookmarks list the parts as the file has them; the viewer opens with it shown.
 */
export function addOutlineEntries(job: AttachJob, out: PDFDocument, entries: OutlineEntry[]): void {
  const { lib, name } = job
  const { context, catalog } = out
  let root = catalog.lookup(name('Outlines'))
  if (!(root instanceof lib.PDFDict)) {
    root = context.obj({ Type: 'Outlines' })
    catalog.set(name('Outlines'), context.register(root as PDFDict))
  }
  const outlines = root as PDFDict
  const rootRef = catalog.get(name('Outlines')) as PDFRef
  const pageIndex = new Map(out.getPages().map((page, i) => [page.ref, i]))
  const items: { ref: PDFRef; dict: PDFDict; page: number }[] = []
  // The drawn parts' entries, First to Next (guarded against a loop).
  for (let ref = outlines.get(name('First')); ref instanceof lib.PDFRef && items.length < 10_000;) {
    const dict = context.lookup(ref, lib.PDFDict)
    const dest = dict.lookup(name('Dest'))
    const target = dest instanceof lib.PDFArray ? dest.get(0) : undefined
    items.push({ ref, dict, page: target instanceof lib.PDFRef ? (pageIndex.get(target) ?? 0) : 0 })
    ref = dict.get(name('Next'))
  }
  for (const entry of entries) {
    const dict = context.obj({ Title: lib.PDFHexString.fromText(entry.title), Parent: rootRef, Dest: [entry.page.ref, 'Fit'] })
    items.push({ ref: context.register(dict), dict, page: pageIndex.get(entry.page.ref)! })
  }
  items.sort((a, b) => a.page - b.page)
  items.forEach(({ dict }, i) => {
    dict.delete(name('Prev'))
    dict.delete(name('Next'))
    if (i > 0) dict.set(name('Prev'), items[i - 1]!.ref)
    if (i < items.length - 1) dict.set(name('Next'), items[i + 1]!.ref)
  })
  outlines.set(name('First'), items[0]!.ref)
  outlines.set(name('Last'), items.at(-1)!.ref)
  outlines.set(name('Count'), lib.PDFNumber.of(items.length))
  catalog.set(name('PageMode'), name('UseOutlines'))
}
