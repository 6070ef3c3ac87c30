// The error a call throws, for tests that look at its message and place.
import type { LetterError } from '../../src/index.js'
import { parseLetter } from '../../src/index.js'

/** What `run` throws (as a LetterError); fails the test when it throws nothing. */
export function thrown(run: () => unknown): LetterError {
  try {
    run()
  } catch (e) {
    return e as LetterError
  }
  throw new Error('no error')
}

/** The error parsing `markdown` as x.md throws. */
export const parseErrorOf = (markdown: string) => thrown(() => parseLetter(markdown, 'x.md'))
