import { errorText } from '../parse/errors.js'
import type { PDFDict, PDFDocument, PDFPage, PDFRef } from 'pdf-lib'
import { message } from '../parse/message.js'
import { attachmentError } from './attachment-error.js'
import { drawMissingAppearances, flatten } from './flatten.js'
import type { AttachJob } from './job.js'
import type { Attachment } from './read.js'
import { rebuildLink } from './rebuild-link.js'

/** Copy the source's pages into `out` from page index `at` on, then point its links to its own pages at their copies; the copies in order. */
export async function copyPages(
  job: AttachJob,
  out: PDFDocument,
  source: PDFDocument,
  attachment: Attachment,
  at: number,
): Promise<PDFPage[]> {
  const { copies, dropped } = await prepareAndCopy(job, out, source, attachment)
  copies.forEach((copy, i) => out.insertPage(at + i, copy))
  pointLinksAtCopies(job, copies)
  if (dropped) {
    const text = `attachment "${attachment.name}": ${dropped} link${dropped === 1 ? '' : 's'} left out (only http, https, mailto and tel links and links to its own pages are kept)`
    job.warnings.push(message(text, 'letterpress:attach', attachment))
  }
  return copies
}

/** The source's pages made ready and copied into `out` (not yet added), and how many links were left out. */
async function prepareAndCopy(
  job: AttachJob,
  out: PDFDocument,
  source: PDFDocument,
  attachment: Attachment,
): Promise<{ copies: PDFPage[]; dropped: number }> {
  try {
    await drawMissingAppearances(job, source)
    const pages = source.getPages()
    const index = new Map(pages.map((page, i) => [page.ref, i]))
    let dropped = 0
    for (const page of pages) dropped += preparePage(job, source, page, index)
    // One copy for all pages: fonts and images they share are copied once.
    return { copies: await out.copyPages(source, source.getPageIndices()), dropped }
  } catch (error) {
    throw attachmentError(attachment, `is damaged and could not be copied (${errorText(error)})`, job.file)
  }
}

// What a copied page keeps: what it looks like. Not kept: its place in the source's structure tree and
// navigation (StructParents, Tabs, B), page actions (AA), thumbnails, metadata and the like.
const PAGE_KEYS = new Set([
  'Type',
  'Parent',
  'Contents',
  'Resources',
  'MediaBox',
  'CropBox',
  'BleedBox',
  'TrimBox',
  'ArtBox',
  'Rotate',
  'UserUnit',
  'Group',
])

/**
 * Make a source page ready to copy: annotations other than links are drawn into its content (the form itself
 * is not kept), links are rebuilt (web, mail and phone links, and links to the attachment's own pages), and
 * only PAGE_KEYS are kept. Returns the links left out.
 */
function preparePage(job: AttachJob, doc: PDFDocument, page: PDFPage, index: Map<PDFRef, number>): number {
  const node = page.node
  const annots = annotations(job, page)
  const { name } = job
  const isLink = (annot: PDFDict) => annot.lookup(name('Subtype')) === name('Link')
  const links: PDFRef[] = []
  let dropped = 0
  for (const annot of annots.filter(isLink)) {
    const link = rebuildLink(job, doc, annot, index)
    if (link) links.push(doc.context.register(link))
    else if (link === null) dropped++
  }
  flatten(
    job,
    doc,
    page,
    annots.filter((annot) => !isLink(annot)),
  )
  for (const key of node.keys()) if (!PAGE_KEYS.has(key.decodeText())) node.delete(key)
  if (links.length) node.set(name('Annots'), doc.context.obj(links))
  return dropped
}

/** The page's annotation dictionaries, in order. */
function annotations({ lib, name }: AttachJob, page: PDFPage): PDFDict[] {
  const annots = page.node.lookup(name('Annots'))
  if (!(annots instanceof lib.PDFArray)) return []
  return annots
    .asArray()
    .map((_, i) => annots.lookup(i))
    .filter((annot): annot is PDFDict => annot instanceof lib.PDFDict)
}

/** Point the copied links to the attachment's own pages (preparePage left the page's number there) at the pages' copies. */
function pointLinksAtCopies({ lib, name }: AttachJob, copies: PDFPage[]): void {
  for (const copy of copies) {
    const annots = copy.node.lookup(name('Annots'))
    if (!(annots instanceof lib.PDFArray)) continue
    for (let i = 0; i < annots.size(); i++) {
      const dest = (annots.lookup(i) as PDFDict).lookup(name('Dest'))
      const page = dest instanceof lib.PDFArray ? dest.get(0) : undefined
      if (dest instanceof lib.PDFArray && page instanceof lib.PDFNumber) dest.set(0, copies[page.asNumber()]!.ref)
    }
  }
}
