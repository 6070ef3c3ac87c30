// A port of the project's readback check: the words of a letter's body, compared in order with the words
// a PDF reader extracts. Independent of the renderer's own parser on purpose.

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u00ad': '',
  '\u2032': "'",
}

/** Normalised words: NFKC, quotes and dashes folded, edge punctuation stripped, lower case. */
export function wordsOf(text: string): string[] {
  let t = text.normalize('NFKC')
  for (const [a, b] of Object.entries(FOLD)) t = t.split(a).join(b)
  return t
    .split(/\s+/)
    .map((w) => w.replace(/^[.,;:!?()[\]{}"'*_`<>|#~^]+|[.,;:!?()[\]{}"'*_`<>|#~^]+$/g, ''))
    .filter((w) => w && /[\p{L}\p{N}]/u.test(w))
    .map((w) => w.toLowerCase())
}

/** The readable text of a Markdown letter: front matter, images, link targets, HTML and markers removed. */
export function plainMarkdown(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/gm, '')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/\\(.)/g, '$1')
}

/** Words of `expected` missing from `actual` when read in order (greedy subsequence match). */
export function missingInOrder(expected: string[], actual: string[]): string[] {
  const missing: string[] = []
  let j = 0
  for (const word of expected) {
    const k = actual.indexOf(word, j)
    if (k === -1) missing.push(word)
    else j = k + 1
  }
  return missing
}
