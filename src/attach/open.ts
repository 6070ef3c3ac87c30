import { errorText } from '../parse/errors.js'
import type { PDFDocument } from 'pdf-lib'
import { message } from '../parse/message.js'
import { attachmentError } from './attachment-error.js'
import type { AttachJob } from './job.js'
import { captureConsole } from '../patches/console-capture.js'
import type { Attachment } from './read.js'

/** Each attachment opened once: its Title is read before the letter is laid out, its pages copied after. */
const opened = new WeakMap<Attachment, PDFDocument>()

/** Open an attachment (once), refusing an encrypted one and one whose pages cannot be found, and warning of repaired damage. */
export async function openAttachment(job: AttachJob, attachment: Attachment): Promise<PDFDocument> {
  let doc = opened.get(attachment)
  if (!doc) opened.set(attachment, (doc = await open(job, attachment)))
  return doc
}

async function open(job: AttachJob, attachment: Attachment): Promise<PDFDocument> {
  const notes: string[] = []
  const doc = await load(job, attachment, notes)
  refuseUnusable(job, doc, attachment)
  const why = damage(job, doc, attachment.data, notes)
  if (why)
    job.warnings.push(
      message(
        `attachment "${attachment.name}" was damaged (${why}) and has been repaired; check its pages in the PDF`,
        'letterpress:attach',
        attachment,
      ),
    )
  return doc
}

const damaged = (attachment: Attachment, why: string, file: string) =>
  attachmentError(attachment, `is damaged and could not be read (${why})`, file)

/** The attachment parsed, with what pdf-lib says about the damage it reads past collected into `notes`. */
async function load({ lib, file }: AttachJob, attachment: Attachment, notes: string[]): Promise<PDFDocument> {
  try {
    // ignoreEncryption: an encrypted file is loaded (not decrypted) to be refused below by name.
    const { result, lines } = await captureConsole(['log', 'warn'], () =>
      lib.PDFDocument.load(attachment.data, { ignoreEncryption: true, updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest }),
    )
    notes.push(...lines)
    return result
  } catch (error) {
    throw damaged(attachment, errorText(error), file)
  }
}

/** Throw for an attachment whose pages cannot be copied: encrypted, without a catalog or without readable pages. */
function refuseUnusable(job: AttachJob, doc: PDFDocument, attachment: Attachment): void {
  // Refused even when it opens without a password (an owner password only): copying its pages would drop the
  // owner's restrictions. pdf-lib does not decrypt, so its pages could not be copied anyway.
  if (doc.isEncrypted) throw attachmentError(attachment, 'is encrypted; attach an unencrypted copy', job.file)
  if (!(doc.catalog instanceof job.lib.PDFDict)) throw damaged(attachment, 'it has no document catalog', job.file)
  let pages: number
  try {
    pages = doc.getPageCount()
  } catch {
    throw damaged(attachment, 'its page tree cannot be read', job.file)
  }
  if (pages === 0) throw damaged(attachment, 'it has no pages', job.file)
}

/** What damage a file that opened was read past, worth a warning; undefined for an undamaged file. */
function damage({ lib }: AttachJob, doc: PDFDocument, data: Uint8Array, notes: string[]): string | undefined {
  // pdf-lib reads a file object by object rather than through its cross-reference table, so it reads past
  // some damage other readers stumble on; that is worth a look at the result.
  const invalid = doc.context.enumerateIndirectObjects().filter(([, object]) => object instanceof lib.PDFInvalidObject).length
  return invalid
    ? `${invalid} unreadable object${invalid === 1 ? '' : 's'} left out`
    : !xrefFound(data)
      ? 'its cross-reference table is broken'
      : notes[0]
}

/** Whether the file's last startxref points at a cross-reference table or stream, as in an undamaged PDF. */
function xrefFound(data: Uint8Array): boolean {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const at = bytes.lastIndexOf('startxref')
  const offset = at < 0 ? undefined : /^startxref\s+(\d+)/.exec(bytes.subarray(at, at + 40).toString('latin1'))?.[1]
  if (offset === undefined) return false
  // Offsets count from the file's first byte; some writers count from "%PDF-" after junk before it.
  const header = bytes.subarray(0, 1024).indexOf('%PDF-')
  return [0, header].some((shift) =>
    /^\s*(xref|\d+\s+\d+\s+obj)\b/.test(bytes.subarray(Number(offset) + shift, Number(offset) + shift + 40).toString('latin1')),
  )
}
