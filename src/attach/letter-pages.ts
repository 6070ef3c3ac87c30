/**
 * The Info dictionary key that records how many pages of a PDF are the letter's own (written only when files
 * are attached after it), so `letterpress check` holds only those to one paper size. It is written with the
 * letter's document info; pdf-lib keeps that when it adds pages, and pdf.js reads custom keys back (info.Custom).
 */
export const LETTER_PAGES_KEY = 'LetterpressLetterPages'

/** The letter's own pages as recorded in a PDF's Info (pdf.js's info.Custom), if the record is a usable count. */
export function letterPages(custom: Record<string, unknown> | undefined, pages: number): number | undefined {
  const value = custom?.[LETTER_PAGES_KEY]
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= pages ? value : undefined
}
