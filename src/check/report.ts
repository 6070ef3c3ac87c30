import type { WordProblem } from './words.js'

/** What `letterpress check` found in one PDF. */
export interface CheckReport {
  ok: boolean
  pages: number
  /** Body words of the source read back in order, when a source was given; `hyphenated`: words split by hyphenation (accepted when the letter asked for it). */
  words: { expected: number; matched: number; score: number; hyphenated: number } | null
  wordProblems: WordProblem[]
  /** Fonts whose glyphs are not in the file. */
  fontsNotEmbedded: string[]
  /** Document info a reader expects that is missing. */
  metadataMissing: string[]
  pageProblems: string[]
}
