import { readPdf } from './read.js'
export { DecodeLimitError, MAX_DECODED_MB } from '../patches/pdfjs-decode-limit.js'
export { formatCheck } from './format.js'
import { compareWords, readSource } from './words.js'
import type { CheckReport } from './report.js'
export type { CheckReport } from './report.js'

/** Page sizes a letter may have, in points (±1). */
const PAPER: Record<string, [number, number]> = { A4: [595, 842], Letter: [612, 792] }

/** What a check compares a PDF with. */
export interface CheckOptions {
  /** The Markdown the PDF was made from; without it words are not compared. */
  source?: string
  /** Pages of the letter itself (attachments after them keep their own page sizes). */
  letterPages?: number
  /** Whether the letter was hyphenated (default: its front matter's `hyphenate`): splits at line ends are then accepted and counted. */
  hyphenate?: boolean
}

/** Read a PDF back the way an applicant-tracking system does and compare it with its Markdown source. */
export async function checkPdf(pdf: Uint8Array, options: CheckOptions = {}): Promise<CheckReport> {
  const facts = await readPdf(pdf)
  const report: CheckReport = {
    ok: true,
    pages: facts.pages,
    words: null,
    wordProblems: [],
    fontsNotEmbedded: [],
    metadataMissing: [],
    pageProblems: [],
  }
  if (options.source !== undefined) {
    const { words: expected, hyphenate } = readSource(options.source)
    const { matched, hyphenated, problems } = compareWords(expected, facts.text, options.hyphenate ?? hyphenate)
    report.words = { expected: expected.length, matched, score: expected.length ? matched / expected.length : 1, hyphenated }
    report.wordProblems = problems
  }
  report.fontsNotEmbedded = facts.fonts.filter((f) => !f.embedded).map((f) => f.name)
  for (const field of ['Title', 'Author'] as const) if (!facts.info[field]) report.metadataMissing.push(field)
  if (!facts.lang) report.metadataMissing.push('Lang')
  // Attached PDFs (a CV on A4 after a US-Letter letter) keep their own page sizes: only the letter's are checked,
  // as the caller knows them or the PDF records them.
  const sizes = facts.sizes.slice(0, options.letterPages ?? facts.letterPages ?? facts.sizes.length)
  sizes.forEach(([w, h], i) => {
    const paper = Object.entries(PAPER).find(([, [pw, ph]]) => Math.abs(w - pw) <= 1 && Math.abs(h - ph) <= 1)
    if (!paper) report.pageProblems.push(`page ${i + 1} is ${w} × ${h} pt, neither A4 nor Letter`)
  })
  if (new Set(sizes.map((s) => s.join('x'))).size > 1) report.pageProblems.push('pages have different sizes')
  report.ok =
    !report.wordProblems.length && !report.fontsNotEmbedded.length && !report.metadataMissing.length && !report.pageProblems.length
  return report
}
