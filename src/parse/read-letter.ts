import type { LetterMessage } from '../types.js'
import { parseLetter, type ParsedLetter } from './index.js'
import { checkNesting, checkSize } from './limits.js'
import { readMeta, type MetaInputs, type ReadMeta } from './read-meta.js'

/** A Markdown source read: parsed, its limits checked, its meta resolved, and the warnings so far. */
export interface ReadLetter {
  parsed: ParsedLetter
  read: ReadMeta
  warnings: LetterMessage[]
}

/** The pipeline's first steps for one Markdown source (the letter, or a Markdown part attached to it): size, parse, nesting, meta. */
export function readLetter(markdown: string, path: string, inputs: MetaInputs): ReadLetter {
  checkSize(Buffer.byteLength(markdown), path)
  const parsed = parseLetter(markdown, path)
  checkNesting(parsed.tree, path)
  const warnings: LetterMessage[] = [...parsed.warnings]
  return { parsed, read: readMeta(parsed, inputs, path), warnings }
}
