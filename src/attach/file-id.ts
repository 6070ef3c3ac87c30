import { createHash } from 'node:crypto'
import type { PDFArray, PDFDocument } from 'pdf-lib'
import type { AttachJob } from './job.js'
import { isText } from './pdf-objects.js'

/**
 * The combined file's ID: the letter's permanent first half, and a second half (which changes when a file
 * changes) from the letter and its attachments (`inputs`, the letter's bytes first), so the same inputs give
 * the same bytes.
 */
export function fileId(job: AttachJob, out: PDFDocument, inputs: Uint8Array[]): PDFArray {
  const { lib } = job
  const hash = createHash('md5')
  for (const input of inputs) hash.update(input)
  const { context } = out
  const old = context.lookup(context.trailerInfo.ID)
  const first = old instanceof lib.PDFArray ? old.lookup(0) : undefined
  const permanent = isText(job, first) ? first : lib.PDFHexString.of(hash.copy().digest('hex'))
  return context.obj([permanent, lib.PDFHexString.of(hash.digest('hex'))])
}
