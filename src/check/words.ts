import { parseLetter } from '../parse/index.js'
import { blocksText } from '../text/blocks.js'
import { sourceBlocks } from '../text/letter-blocks.js'

/** Typographic marks folded to plain ones, so curly quotes in the PDF match straight ones in the source. */
const FOLD: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u2032\u2039\u203a]/g, "'"],
  [/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"'],
  [/[\u2013\u2014]/g, '-'],
  [/\u00ad/g, ''],
]
const EDGE = /^[.,;:!?()[\]{}"'*_`<>|#~^…]+|[.,;:!?()[\]{}"'*_`<>|#~^…]+$/g

/** A text with NFKC applied and typographic quotes and dashes folded to plain ones. */
function fold(text: string): string {
  let t = text.normalize('NFKC')
  for (const [from, to] of FOLD) t = t.replace(from, to)
  return t
}

/** One folded token as a word: edge punctuation stripped, lower case ('' when nothing of a word is left). */
function wordOf(token: string): string {
  const w = token.replace(EDGE, '').toLowerCase()
  return /[\p{L}\p{N}]/u.test(w) ? w : ''
}

/** Normalised words of a text: NFKC, quotes and dashes folded, edge punctuation stripped, lower case. */
export function wordsOf(text: string): string[] {
  return fold(text).split(/\s+/).map(wordOf).filter(Boolean)
}

/** The words a letter sets, in the order it sets them: the body, then the endnotes in the order they are cited. */
export function sourceWords(markdown: string): string[] {
  return readSource(markdown).words
}

/**
 * What a check needs of a letter's source: the words it sets (from the same text blocks as the plain-text twin,
 * so the two never differ), and whether its front matter asks for hyphenation.
 */
export function readSource(markdown: string): { words: string[]; hyphenate: boolean } {
  const { tree, raw } = parseLetter(markdown)
  return { words: wordsOf(blocksText(sourceBlocks(tree))), hyphenate: raw.hyphenate === true }
}

/** A word the PDF does not give back, and how: lost, glued to its neighbour, or split across a line. */
export interface WordProblem {
  word: string
  kind: 'missing' | 'glued' | 'split'
  /** What the PDF has instead, for glued and split words. */
  found?: string
  /** The attached part of an application the word is in (none for the letter's own). */
  part?: string
}

/** How the words read back: the words, and how many were hyphenated at a line end (and joined again). */
export interface ReadWords {
  words: string[]
  hyphenated: number
}

/** Lines about a page break that a word broken there may jump (a running header or a page number, drawn last or first). */
const RUNNING_LINES = 3

/**
 * The words of extracted text (one string, or one per page), read as an applicant-tracking system joins lines:
 * a token the renderer broke at a line end (a long URL or path) is joined with the next line's first when
 * together they make a word of the source and the first part alone does not (at a page break, over the
 * running header); a word broken after a hyphen keeps its hyphen ("devel-oped", reported as split)
 * unless the source has it so, or `hyphenate` is set and the source has it without.
 */
export function readWords(text: string | string[], expected: string[], hyphenate = false): ReadWords {
  const known = new Set(expected)
  // Whether a source word starts with `part`: a binary search in the sorted words, so long letters stay fast.
  const sorted = [...known].sort()
  const starts = (part: string) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! < part) lo = mid + 1
      else hi = mid
    }
    return part !== '' && lo < sorted.length && sorted[lo]!.startsWith(part)
  }
  // Lines of raw tokens, each knowing its page.
  const lines = (typeof text === 'string' ? [text] : text).flatMap((page, n) =>
    fold(page)
      .split('\n')
      .map((line) => ({ tokens: line.split(/\s+/).filter(Boolean), page: n })),
  )
  // The lines a token ending line `i` may continue on: the next; near a page break, any line up to a few past it.
  const continuations = (i: number): number[] => {
    const after: number[] = []
    for (let k = i + 1; k < lines.length && after.length <= 2 * RUNNING_LINES; k++) if (lines[k]!.tokens.length) after.push(k)
    const boundary = after.findIndex((k) => lines[k]!.page !== lines[i]!.page)
    return boundary === -1 || boundary > RUNNING_LINES ? after.slice(0, 1) : after.slice(0, boundary + RUNNING_LINES)
  }
  const words: string[] = []
  let hyphenated = 0
  for (let i = 0; i < lines.length; i++) {
    const tokens = lines[i]!.tokens
    for (let t = 0; t < tokens.length; t++) {
      const raw = tokens[t]!
      if (t < tokens.length - 1 || known.has(wordOf(raw))) {
        words.push(wordOf(raw))
        continue
      }
      // A token ending its line: follow it over line ends while it stays the start of a source word.
      let joined = raw
      let at = i
      let best: { word: string; through: number[] } | undefined
      const through: number[] = []
      for (;;) {
        const k = continuations(at).find((c) => starts(wordOf(joined + lines[c]!.tokens[0]!)))
        if (k === undefined) break
        joined += lines[k]!.tokens[0]!
        through.push(k)
        if (known.has(wordOf(joined))) best = { word: wordOf(joined), through: [...through] }
        if (lines[k]!.tokens.length > 1) break
        at = k
      }
      const after = continuations(i)
      const first = (c: number) => lines[c]!.tokens[0]!
      // A line-end hyphen that is not the word's own: the renderer's hyphenation (when asked for), or a split.
      const rejoined = hyphenate ? after.find((c) => known.has(wordOf(raw.slice(0, -1) + first(c)))) : undefined
      if (best) {
        words.push(best.word)
        for (const c of best.through) lines[c]!.tokens.shift()
      } else if (/\p{L}-$/u.test(raw) && rejoined !== undefined) {
        words.push(wordOf(raw.slice(0, -1) + first(rejoined)))
        hyphenated++
        lines[rejoined]!.tokens.shift()
      } else if (/\p{L}-$/u.test(raw) && after.length && /^\p{L}/u.test(first(after[0]!))) {
        words.push(wordOf(raw + first(after[0]!)))
        lines[after[0]!]!.tokens.shift()
      } else words.push(wordOf(raw))
    }
  }
  return { words: words.filter(Boolean), hyphenated }
}

/**
 * Align the expected words with the extracted ones (longest common subsequence) and explain every expected
 * word that does not line up; hyphenation splits are accepted (and counted) when `hyphenate` is set.
 */
export function compareWords(
  expected: string[],
  text: string | string[],
  hyphenate = false,
): { matched: number; hyphenated: number; problems: WordProblem[] } {
  const { words: found, hyphenated } = readWords(text, expected, hyphenate)
  const n = expected.length
  const m = found.length
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = expected[i] === found[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const problems: WordProblem[] = []
  let i = 0
  let j = 0
  while (i < n) {
    if (j < m && expected[i] === found[j]) {
      i++
      j++
    } else if (j < m && table[i]![j + 1]! >= table[i + 1]![j]!) {
      j++
    } else {
      const word = expected[i]!
      const next = expected[i + 1]
      const nearby = found.slice(Math.max(0, j - 3), j + 3)
      const glued = next && nearby.find((f) => f.startsWith(word) && f.endsWith(next) && f.length > word.length + next.length - 1)
      const split = nearby.find((f) => f.includes('-') && f.replace(/-/g, '') === word.replace(/-/g, '') && f !== word)
      if (glued) {
        problems.push({ word, kind: 'glued', found: glued })
        i++ // the neighbour is part of the same glued token
      } else if (split) problems.push({ word, kind: 'split', found: split })
      else problems.push({ word, kind: 'missing' })
      i++
    }
  }
  return { matched: table[0]![0]!, hyphenated, problems }
}
