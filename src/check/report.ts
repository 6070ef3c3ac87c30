import type { WordProblem } from './words.js'

/** What `letterpress check` found in one PDF. */
export interface CheckReport {
  ok: boolean
  pages: number
  /** Body words of the source read back in order, when a source was given (totals over every own part of an application); `hyphenated`: words split by hyphenation (accepted when the letter asked for it). */
  words: { expected: number; matched: number; score: number; hyphenated: number } | null
  wordProblems: WordProblem[]
  /** Fonts whose glyphs are not in the file, used on letterpress's own pages (or on no page). */
  fontsNotEmbedded: string[]
  /** Fonts not embedded that only attached PDFs use, once per font and file: their author's, so no failure. */
  attachedFonts: { file: string; fonts: string[] }[]
  /** Document info a reader expects that is missing. */
  metadataMissing: string[]
  pageProblems: string[]
}
