import { readPdf } from './read.js'
export { DecodeLimitError, MAX_DECODED_MB } from '../patches/pdfjs-decode-limit.js'
export { formatCheck } from './format.js'
import { compareWords, readSource } from './words.js'
import type { CheckReport } from './report.js'
export type { CheckReport } from './report.js'

/** Page sizes a letter may have, in points (±1). */
const PAPER: Record<string, [number, number]> = { A4: [595, 842], Letter: [612, 792] }

/** One part of a one-file application, in page order: its file, its pages, and (for letterpress's own parts) the Markdown it was made from. */
export interface CheckPart {
  file: string
  pages: number
  /** The part's Markdown (placeholders filled); none for an attached PDF, whose words and fonts are its author's. */
  source?: string
  /** Whether the part was hyphenated (default: its front matter's `hyphenate`). */
  hyphenate?: boolean
}

/** What a check compares a PDF with. */
export interface CheckOptions {
  /** The Markdown the PDF was made from; without it words are not compared (on the letter's own pages, when the PDF records them). */
  source?: string
  /** Pages of the letter itself (attachments after them keep their own page sizes). */
  letterPages?: number
  /** Whether the letter was hyphenated (default: its front matter's `hyphenate`): splits at line ends are then accepted and counted. */
  hyphenate?: boolean
  /** Every part of an application, the letter first: each own part is read back on its own pages against its own words (overrides the three above). */
  parts?: CheckPart[]
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
    attachedFonts: [],
    metadataMissing: [],
    pageProblems: [],
  }
  const letterPages = options.parts?.[0]?.pages ?? options.letterPages ?? facts.letterPages ?? facts.sizes.length
  const parts = options.parts ?? [
    { file: '', pages: letterPages, source: options.source, hyphenate: options.hyphenate },
    { file: 'the pages attached after the letter', pages: facts.pages - letterPages },
  ]
  const owner = parts.flatMap((part) => Array<CheckPart>(part.pages).fill(part))
  let first = 0
  for (const [n, part] of parts.entries()) {
    const text = facts.text.slice(first, (first += part.pages))
    if (part.source === undefined) continue
    const { words: expected, hyphenate } = readSource(part.source)
    const { matched, hyphenated, problems } = compareWords(expected, text, part.hyphenate ?? hyphenate)
    const words = report.words ?? { expected: 0, matched: 0, score: 1, hyphenated: 0 }
    report.words = {
      expected: words.expected + expected.length,
      matched: words.matched + matched,
      score: 1,
      hyphenated: words.hyphenated + hyphenated,
    }
    // Problems of the letter are its own; a part's name its file.
    report.wordProblems.push(...problems.map((p) => (n === 0 ? p : { ...p, part: part.file })))
  }
  if (report.words) report.words.score = report.words.expected ? report.words.matched / report.words.expected : 1
  // An attached PDF's fonts are its author's: not embedding them fails nothing, and each is listed once under its file.
  for (const font of facts.fonts.filter((f) => !f.embedded)) {
    const parts = new Set(font.pages.map((page) => owner[page - 1]))
    if (!parts.size || [...parts].some((part) => part === undefined || part.source !== undefined || part === owner[0])) {
      report.fontsNotEmbedded.push(font.name)
      continue
    }
    for (const part of parts) {
      const entry = report.attachedFonts.find((e) => e.file === part!.file)
      if (!entry) report.attachedFonts.push({ file: part!.file, fonts: [font.name] })
      else if (!entry.fonts.includes(font.name)) entry.fonts.push(font.name)
    }
  }
  for (const field of ['Title', 'Author'] as const) if (!facts.info[field]) report.metadataMissing.push(field)
  if (!facts.lang) report.metadataMissing.push('Lang')
  // Attached PDFs (a CV on A4 after a US-Letter letter) keep their own page sizes: only the letter's are checked,
  // as the caller knows them or the PDF records them.
  const sizes = facts.sizes.slice(0, letterPages)
  sizes.forEach(([w, h], i) => {
    const paper = Object.entries(PAPER).find(([, [pw, ph]]) => Math.abs(w - pw) <= 1 && Math.abs(h - ph) <= 1)
    if (!paper) report.pageProblems.push(`page ${i + 1} is ${w} × ${h} pt, neither A4 nor Letter`)
  })
  if (new Set(sizes.map((s) => s.join('x'))).size > 1) report.pageProblems.push('pages have different sizes')
  report.ok =
    !report.wordProblems.length && !report.fontsNotEmbedded.length && !report.metadataMissing.length && !report.pageProblems.length
  return report
}
