// pdf-lib (MIT, plain JavaScript) does the PDF surgery of attaching. It is imported here and nowhere else, on
// first use, so a letter without attachments never loads it.
import type * as PdfLibModule from 'pdf-lib'
import type { PDFName } from 'pdf-lib'
import type { LetterMessage } from '../types.js'

/** pdf-lib's module: its classes are needed at run time (instanceof, PDFName.of), so the job carries them. */
export type PdfLib = typeof PdfLibModule

/** What every step of attaching works with: pdf-lib as loaded, the letter's path (named in errors) and its warnings. */
export interface AttachJob {
  lib: PdfLib
  /** The PDF name /`key` (pdf-lib's PDFName.of). */
  name: (key: string) => PDFName
  file: string
  warnings: LetterMessage[]
}

/** Load pdf-lib and bind it, with the letter's path and warnings, for the steps of one letter's attaching. */
export async function attachJob(file: string, warnings: LetterMessage[]): Promise<AttachJob> {
  const lib = await import('pdf-lib')
  return { lib, name: (key) => lib.PDFName.of(key), file, warnings }
}
