// Attaching: files named by `attach:` or --attach are read before the letter is laid out (read.ts; Markdown
// parts are read as letters of their own, markdown-part.ts), name its enclosures by their titles
// (enclosures.ts), and attached PDFs have their pages put in their place after the drawn letter (here).
import { enclosureName } from '../parse/meta.js'
import type { LetterMessage } from '../types.js'
import { copyPages } from './copy-pages.js'
import { fileId } from './file-id.js'
import { attachJob } from './job.js'
import type { LetterAttachment } from './letter-attachments.js'
import { openAttachment } from './open.js'
import { addOutlineEntries, type OutlineEntry } from './outline.js'

export { enclosureNames } from './enclosures.js'
export { LETTER_PAGES_KEY } from './letter-pages.js'
export { letterAttachments, type CallerAttachments, type LetterAttachment } from './letter-attachments.js'
export type { MarkdownPart } from './markdown-part.js'
export { readAttachments, type AttachContext, type Attachment } from './read.js'

/**
 * Put every page of each attached PDF in its place among the drawn parts (the letter's `letterPages`, then each
 * attachment's in order: a Markdown part's drawn pages as `drawnPages` gives them), each with an outline entry
 * by its own Title or file name: the combined PDF, its page count, and how many pages each attached PDF gave.
 */
export async function appendAttachments(
  pdf: Uint8Array,
  attachments: LetterAttachment[],
  pages: { letter: number; drawn: (attachment: LetterAttachment) => number },
  file: string,
  warnings: LetterMessage[],
): Promise<{ pdf: Uint8Array; pages: number; copied: Map<LetterAttachment, number> }> {
  const job = await attachJob(file, warnings)
  // The letter's own catalog, info dictionary, XMP and structure tree stay as they are: pages are only added.
  // updateMetadata: false keeps pdf-lib from writing its name and the clock into the info dictionary.
  const out = await job.lib.PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: job.lib.ParseSpeeds.Fastest })
  const entries: OutlineEntry[] = []
  const copied = new Map<LetterAttachment, number>()
  let at = pages.letter
  for (const attachment of attachments) {
    if (attachment.part) {
      at += pages.drawn(attachment)
      continue
    }
    const source = await openAttachment(job, attachment)
    const copies = await copyPages(job, out, source, attachment, at)
    entries.push({ title: enclosureName(attachment.name, source.getTitle()), page: copies[0]! })
    copied.set(attachment, copies.length)
    at += copies.length
  }
  addOutlineEntries(job, out, entries)
  out.context.trailerInfo.ID = fileId(job, out, [pdf, ...attachments.map((attachment) => attachment.data)])
  // No object streams, so the file stays readable to simple tools (and to `letterpress check`'s font scan);
  // streams keep their compression. Only objects the pages reach are copied from the attachments.
  const bytes = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity })
  return { pdf: bytes, pages: out.getPageCount(), copied }
}
