import type { Inline, TextBlock } from './blocks.js'

/** The width a plain-text twin is wrapped at unless asked otherwise: what e-mail and most web forms show. */
export const DEFAULT_WRAP = 72

/** How the text is laid out: `wrap` columns a line (0: no wrapping, one line per paragraph). */
export interface PlainTextOptions {
  wrap?: number
}

/**
 * Blocks as plain UTF-8 text: blocks apart by a blank line, paragraphs wrapped at `wrap` columns between words
 * (a word or URL longer than the line stands on a line of its own, never broken), lists as "- " and "1. ",
 * links as "text <url>" (an address shown as its own text only once), footnote marks as "[1]", code as written.
 */
export function plainText(blocks: readonly TextBlock[], { wrap = DEFAULT_WRAP }: PlainTextOptions = {}): string {
  const lines = blocksLines(blocks, wrap > 0 ? wrap : Infinity, true)
  return lines.length ? `${lines.join('\n')}\n` : ''
}

/** The lines of blocks in `width` columns, a blank line between blocks (`apart`) or none (a tight list's item). */
function blocksLines(blocks: readonly TextBlock[], width: number, apart: boolean): string[] {
  const out: string[] = []
  for (const block of blocks) {
    const lines = blockLines(block, width)
    if (!lines.length) continue
    if (out.length && apart) out.push('')
    out.push(...lines)
  }
  return out
}

function blockLines(block: TextBlock, width: number): string[] {
  switch (block.type) {
    case 'paragraph':
      return runsText(block.inlines)
        .split('\n')
        .flatMap((line) => wrapLine(line, width))
    case 'lines':
      return block.lines.flatMap((line) => wrapLine(runsText(line), width))
    case 'list':
      return block.items.flatMap((item, i) => {
        const marker = `${block.ordered ? `${block.start + i}.` : '-'} ${item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] '}`
        const lines = hanging(blocksLines(item.blocks, Math.max(1, width - marker.length), block.spread), marker)
        return i && block.spread ? ['', ...lines] : lines
      })
    case 'quote':
      return blocksLines(block.blocks, Math.max(1, width - 2), true).map((line) => (line ? `> ${line}` : '>'))
    case 'code':
      return block.text.split('\n')
    case 'table':
      return block.rows.flatMap((row) => hanging(wrapLine(row.map(runsText).join(' | '), width - 2), '', '  '))
    case 'rule':
      return ['* * *']
    case 'notes':
      return block.notes.flatMap((note, i) => hanging(blocksLines(note, Math.max(1, width - 4), false), `[${i + 1}] `))
  }
}

/** Lines behind a marker on the first line, the others indented to line up under its text (blank lines stay blank). */
function hanging(lines: string[], marker: string, indent = ' '.repeat(columns(marker))): string[] {
  if (!lines.length) return marker.trim() ? [marker.trimEnd()] : []
  return lines.map((line, i) => (i === 0 ? marker + line : line ? indent + line : ''))
}

/** Inline runs as text: a link as "text <url>" unless its text is the address, a footnote mark as "[1]". */
function runsText(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      if ('note' in run) return `[${run.note}]`
      if (run.url === undefined || sameAddress(run.text, run.url)) return run.text
      const shown = run.url.replace(/^mailto:/i, '')
      return run.text.trim() ? `${run.text} <${shown}>` : `<${shown}>`
    })
    .join('')
}

/** Whether a link's text already spells its target (a bare URL, an e-mail address, a phone number, a host without "https://"). */
function sameAddress(text: string, url: string): boolean {
  if (/^tel:/i.test(url)) return text.replace(/[^\d+]/g, '') === url.slice(4).replace(/[^\d+]/g, '')
  const bare = (s: string) =>
    s
      .trim()
      .replace(/^(https?:\/\/|mailto:)/i, '')
      .replace(/^www\./i, '')
      .replace(/\/$/, '')
      .toLowerCase()
  return bare(text) === bare(url)
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** How many columns a text takes: its user-perceived characters. */
export function columns(text: string): number {
  let n = 0
  for (const _ of graphemes.segment(text)) n++
  return n
}

/** A token that reads as part of the word before it ("35 %", "so —"): never the first on a line. */
const CLINGS = /^[^\p{L}\p{N}<]{1,2}$/u

/**
 * One line of text wrapped between words (spaces and tabs; a no-break space holds) at `width` columns, its
 * spaces collapsed; a word longer than the line stands alone, and a sign that clings ("%") takes its word along.
 */
function wrapLine(line: string, width: number): string[] {
  const words = line.split(/[ \t]+/).filter(Boolean)
  if (!words.length) return []
  if (width === Infinity) return [words.join(' ')]
  const lines: string[][] = [[]]
  let used = 0
  for (const word of words) {
    const current = lines.at(-1)!
    const size = columns(word)
    if (current.length && used + 1 + size > width) {
      const carried = CLINGS.test(word) && current.length > 1 && columns(current.at(-1)!) + 1 + size <= width ? [current.pop()!] : []
      lines.push(carried)
      used = carried.length ? columns(carried[0]!) : 0
    }
    lines.at(-1)!.push(word)
    used += (lines.at(-1)!.length > 1 ? 1 : 0) + size
  }
  return lines.map((words) => words.join(' '))
}
