import type { PDFDict, PDFDocument } from 'pdf-lib'
import type { AttachJob } from './job.js'

/**
 * The Info dictionary key that records how many pages of a PDF are the letter's own (written only when PDFs
 * are attached after it), so `letterpress check` holds only those to one paper size. pdf-lib keeps the
 * letter's Info dictionary when it appends pages, and pdf.js reads custom keys back (info.Custom).
 */
export const LETTER_PAGES_KEY = 'LetterpressLetterPages'

/** The letter's own pages as recorded in a PDF's Info (pdf.js's info.Custom), if the record is a usable count. */
export function letterPages(custom: Record<string, unknown> | undefined, pages: number): number | undefined {
  const value = custom?.[LETTER_PAGES_KEY]
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= pages ? value : undefined
}

/** Record in the Info dictionary how many pages are the letter's own, before attached pages follow them. */
export function recordLetterPages({ lib, name }: AttachJob, out: PDFDocument): void {
  const { context } = out
  let info = context.lookup(context.trailerInfo.Info)
  if (!(info instanceof lib.PDFDict)) {
    info = context.obj({})
    context.trailerInfo.Info = context.register(info as PDFDict)
  }
  ;(info as PDFDict).set(name(LETTER_PAGES_KEY), lib.PDFNumber.of(out.getPageCount()))
}
