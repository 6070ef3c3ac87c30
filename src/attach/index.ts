// Attaching: PDFs named by `attach:` or --attach are read before the letter is laid out (read.ts), name its
// enclosures by their Titles (enclosures.ts), and have their pages appended after the drawn letter (here).
import type { LetterMessage } from '../types.js'
import { copyPages } from './copy-pages.js'
import { fileId } from './file-id.js'
import { attachJob } from './job.js'
import { recordLetterPages } from './letter-pages.js'
import { openAttachment } from './open.js'
import type { Attachment } from './read.js'

export { enclosureNames } from './enclosures.js'
export { letterAttachments, type CallerAttachments } from './letter-attachments.js'
export { readAttachments, type AttachContext, type Attachment } from './read.js'

/** Append every page of each attachment, in order, to the rendered letter: the combined PDF and its page count. */
export async function appendAttachments(
  pdf: Uint8Array,
  attachments: Attachment[],
  file: string,
  warnings: LetterMessage[],
): Promise<{ pdf: Uint8Array; pages: number }> {
  const job = await attachJob(file, warnings)
  // The letter's own catalog, info dictionary, XMP and structure tree stay as they are: pages are only added.
  // updateMetadata: false keeps pdf-lib from writing its name and the clock into the info dictionary.
  const out = await job.lib.PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: job.lib.ParseSpeeds.Fastest })
  recordLetterPages(job, out)
  for (const attachment of attachments) await copyPages(job, out, await openAttachment(job, attachment), attachment)
  out.context.trailerInfo.ID = fileId(job, out, [pdf, ...attachments.map((attachment) => attachment.data)])
  // No object streams, so the file stays readable to simple tools (and to `letterpress check`'s font scan);
  // streams keep their compression. Only objects the pages reach are copied from the attachments.
  const bytes = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity })
  return { pdf: bytes, pages: out.getPageCount() }
}
