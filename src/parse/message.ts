import type { LetterMessage } from '../types.js'

/** A place in a file, 1-based; null where a message belongs to no one line (a command-line flag, a default). */
export interface Place {
  line: number | null
  column: number | null
}

/** The place of a message about no one line. */
export const NOWHERE: Place = Object.freeze({ line: null, column: null })

/** A warning of a letter: what, from which part of letterpress, and where (nowhere unless given). */
export function message(text: string, source: string, place: Place = NOWHERE): LetterMessage {
  return { message: text, line: place.line, column: place.column, source }
}
