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

/** Normalised words of a text: NFKC, quotes and dashes folded, edge punctuation stripped, lower case. */
export function wordsOf(text: string): string[] {
  let t = text.normalize('NFKC')
  for (const [from, to] of FOLD) t = t.replace(from, to)
  return t
    .split(/\s+/)
    .map((w) => w.replace(EDGE, '').toLowerCase())
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
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
  const { tree } = parseLetter(markdown)
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
  return wordsOf([body, ...endnotes].join(' '))
}

/** A word the PDF does not give back, and how: lost, glued to its neighbour, or split across a line. */
export interface WordProblem {
  word: string
  kind: 'missing' | 'glued' | 'split'
  /** What the PDF has instead, for glued and split words. */
  found?: string
}

/**
 * Align the expected words with the extracted ones (longest common subsequence) and explain every expected
 * word that does not line up.
 */
export function compareWords(expected: string[], text: string): { matched: number; problems: WordProblem[] } {
  // A word broken at a line end with a hyphen reads back joined with its hyphen, as pdftotext -raw shows it.
  const found = wordsOf(text.replace(/(\p{L})-\n(\p{L})/gu, '$1-$2'))
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
  return { matched: table[0]![0]!, problems }
}
