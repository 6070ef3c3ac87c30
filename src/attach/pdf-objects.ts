import type { PDFHexString, PDFNumber, PDFObject, PDFString } from 'pdf-lib'
import type { AttachJob } from './job.js'

/** Whether a PDF object is a string, literal or hex: the two ways a file writes one. */
export function isText({ lib }: AttachJob, value: unknown): value is PDFString | PDFHexString {
  return value instanceof lib.PDFString || value instanceof lib.PDFHexString
}

/** The numbers of a PDF array of `length` numbers, or undefined. */
export function numbers({ lib }: AttachJob, object: PDFObject | undefined, length: number): number[] | undefined {
  if (!(object instanceof lib.PDFArray) || object.size() !== length) return undefined
  const values = object.asArray().map((_, i) => object.lookup(i))
  return values.every((value) => value instanceof lib.PDFNumber) ? values.map((value) => (value as PDFNumber).asNumber()) : undefined
}
