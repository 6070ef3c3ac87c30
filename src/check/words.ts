import type { Nodes, Root } from 'mdast'
import { parseLetter } from '../parse/index.js'

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
  return fold(text)
    .split(/\s+/)
    .map(wordOf)
    .filter(Boolean)
}

const NOT_SET = new Set(['yaml', 'definition', 'html', 'image', 'imageReference', 'footnoteDefinition'])
/** Nodes whose children are separate blocks (or cells): their texts are separate words. */
const BLOCKS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'footnoteDefinition'])

/** The text a node sets: blocks apart, inline runs together, a footnote mark as its number; nothing never set. */
function textOf(node: Nodes, cited: string[]): string {
  if (node.type === 'footnoteReference') return String(cited.indexOf(node.identifier.toLowerCase()) + 1)
  if (NOT_SET.has(node.type) && node.type !== 'footnoteDefinition') return ''
  if (node.type === 'break') return ' '
  if ('value' in node && typeof node.value === 'string') return node.value
  if (!('children' in node)) return ''
  const parts = (node.children as Nodes[]).filter((c) => c.type !== 'footnoteDefinition').map((c) => textOf(c, cited))
  return parts.join(BLOCKS.has(node.type) ? ' ' : '')
}

/** The words a letter sets, in the order it sets them: the body, then the endnotes in the order they are cited. */
export function sourceWords(markdown: string): string[] {
  return readSource(markdown).words
}

/** What a check needs of a letter's source: the words it sets, and whether its front matter asks for hyphenation. */
export function readSource(markdown: string): { words: string[]; hyphenate: boolean } {
  const { tree, raw } = parseLetter(markdown)
  const notes = new Map<string, Nodes>()
  const cited: string[] = []
  const collect = (node: Nodes) => {
    if (node.type === 'footnoteDefinition') notes.set(node.identifier.toLowerCase(), node)
    if (node.type === 'footnoteReference' && !cited.includes(node.identifier.toLowerCase())) cited.push(node.identifier.toLowerCase())
    if ('children' in node) for (const child of node.children) collect(child)
  }
  collect(tree)
  const body = textOf(tree as Root, cited)
  const endnotes = cited.map((id) => notes.get(id)).filter((n): n is Nodes => Boolean(n)).map((n) => textOf(n, cited))
  return { words: wordsOf([body, ...endnotes].join(' ')), hyphenate: raw.hyphenate === true }
}

/** A word the PDF does not give back, and how: lost, glued to its neighbour, or split across a line. */
export interface WordProblem {
  word: string
  kind: 'missing' | 'glued' | 'split'
  /** What the PDF has instead, for glued and split words. */
  found?: string
}

/** How the words read back: the words, and how many were hyphenated at a line end (and joined again). */
export interface ReadWords {
  words: string[]
  hyphenated: number
}

/**
 * The words of extracted text, read as an applicant-tracking system joins lines: a token the renderer broke
 * at a line end (a long URL or path) is joined with the next line's first when together they make a word of
 * the source and the first part alone does not; a word broken after a hyphen keeps its hyphen ("devel-oped",
 * reported as split) unless the source has it so, or `hyphenate` is set and the source has it without.
 */
export function readWords(text: string, expected: string[], hyphenate = false): ReadWords {
  const known = new Set(expected)
  const starts = (part: string) => part !== '' && expected.some((w) => w.startsWith(part))
  // Raw tokens, each marked when it ends its line.
  const tokens = fold(text)
    .split('\n')
    .flatMap((line) => {
      const parts = line.split(/\s+/).filter(Boolean)
      return parts.map((raw, i) => ({ raw, eol: i === parts.length - 1 }))
    })
  // The last token of the longest run from `j` over line ends that makes a source word (j itself when none does).
  const joinEnd = (j: number): number => {
    if (known.has(wordOf(tokens[j]!.raw))) return j
    let end = j
    let joined = tokens[j]!.raw
    for (let k = j; tokens[k]!.eol && k + 1 < tokens.length && starts(wordOf(joined + tokens[k + 1]!.raw)); k++) {
      joined += tokens[k + 1]!.raw
      if (known.has(wordOf(joined))) end = k + 1
    }
    return end
  }
  const words: string[] = []
  let hyphenated = 0
  for (let j = 0; j < tokens.length; j++) {
    const { raw, eol } = tokens[j]!
    const next = tokens[j + 1]
    const end = joinEnd(j)
    if (end > j) {
      words.push(wordOf(tokens.slice(j, end + 1).map((t) => t.raw).join('')))
      j = end
    } else if (eol && next && /\p{L}-$/u.test(raw) && /^\p{L}/u.test(next.raw)) {
      // A line-end hyphen that is not the word's own: the renderer's hyphenation (when asked for), or a split.
      const unhyphenated = wordOf(raw.slice(0, -1) + next.raw)
      if (hyphenate && known.has(unhyphenated)) {
        words.push(unhyphenated)
        hyphenated++
      } else words.push(wordOf(raw + next.raw))
      j++
    } else words.push(wordOf(raw))
  }
  return { words: words.filter(Boolean), hyphenated }
}

/**
 * Align the expected words with the extracted ones (longest common subsequence) and explain every expected
 * word that does not line up; hyphenation splits are accepted (and counted) when `hyphenate` is set.
 */
export function compareWords(expected: string[], text: string, hyphenate = false): { matched: number; hyphenated: number; problems: WordProblem[] } {
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
