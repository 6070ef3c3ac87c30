import type { Inline, TextBlock } from './blocks.js'

/** The width a plain-text twin is wrapped at unless asked otherwise: what e-mail and most web forms show. */
export const DEFAULT_WRAP = 72

/**
 * How the text is laid out: `wrap` columns a line (0: no wrapping, one line per paragraph); lists and quotes
 * indent up to `maxDepth` levels (the theme's list.maxDepth, as in the PDF), then line up.
 */
export interface PlainTextOptions {
  wrap?: number
  maxDepth?: number
}

/**
 * Blocks as plain UTF-8 text: blocks apart by a blank line, paragraphs wrapped at `wrap` columns between words
 * (a word or URL longer than the line stands on a line of its own, never broken), lists as "- " and "1. ",
 * links as "text <url>" (an address shown as its own text only once), footnote marks as "[1]", code as written.
 */
export function plainText(blocks: readonly TextBlock[], { wrap = DEFAULT_WRAP, maxDepth = 8 }: PlainTextOptions = {}): string {
  const width = wrap > 0 ? wrap : Infinity
  // Nesting indents while the text keeps half the width (at most 30 columns), then lines up, as the PDF's lists do.
  const frame = { width, first: width, room: Math.min(30, Math.floor(width / 2)), levels: maxDepth, lists: 0, quotes: 0 }
  const lines = blocksLines(blocks, frame, true)
  return lines.length ? `${lines.join('\n').replaceAll(GLUE, ' ')}\n` : ''
}

/** Stands for a space inside a run kept whole while lines are wrapped (NUL: never in a letter's text), a space again after. */
const GLUE = '\u0000'

/**
 * Where lines go: `width` columns, the first line `first` (after a marker that does not indent the rest); nesting
 * indents while `room` columns are left and fewer than `levels` lists (quotes) are open around.
 */
interface Frame {
  width: number
  first: number
  room: number
  levels: number
  lists: number
  quotes: number
}

/** A frame narrowed by an indent of `by` columns (the first line as much). */
const narrowed = (frame: Frame, by: number): Frame => ({ ...frame, width: frame.width - by, first: frame.width - by })

/** The lines of blocks in a frame, a blank line between blocks (`apart`) or none (a tight list's item). */
function blocksLines(blocks: readonly TextBlock[], frame: Frame, apart: boolean): string[] {
  const out: string[] = []
  for (const block of blocks) {
    // Only the first line of all is shortened by a marker before it.
    const lines = blockLines(block, out.length ? { ...frame, first: frame.width } : frame)
    if (!lines.length) continue
    if (out.length && apart) out.push('')
    out.push(...lines)
  }
  return out
}

function blockLines(block: TextBlock, frame: Frame): string[] {
  const { width, first } = frame
  // A block that cannot shorten only its first line is set in the first line's width throughout.
  const whole = first < width ? narrowed(frame, width - first) : frame
  switch (block.type) {
    case 'paragraph':
      return runsText(block.inlines)
        .split('\n')
        .flatMap((line, i) => wrapLine(line, width, i ? width : first))
    case 'lines':
      return block.lines.flatMap((line, i) => wrapLine(runsText(line), width, i ? width : first))
    case 'list':
      return block.items.flatMap((item, i) => {
        const marker = `${block.ordered ? `${block.start + i}.` : '-'} ${item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] '}`
        const size = columns(marker)
        // Deep enough that indenting would leave too little room: the item lines up under its parent.
        const inner = { ...whole, lists: whole.lists + 1 }
        const lines =
          whole.width - size >= whole.room && inner.lists <= whole.levels
            ? hanging(blocksLines(item.blocks, narrowed(inner, size), block.spread), marker)
            : hanging(blocksLines(item.blocks, { ...inner, first: whole.width - size }, block.spread), marker, '')
        return i && block.spread ? ['', ...lines] : lines
      })
    case 'quote': {
      const inner = { ...whole, quotes: whole.quotes + 1 }
      if (whole.width - 2 < whole.room || inner.quotes > whole.levels) return blocksLines(block.blocks, inner, true)
      return blocksLines(block.blocks, narrowed(inner, 2), true).map((line) => (line ? `> ${line}` : '>'))
    }
    case 'code':
      return block.text.split('\n')
    case 'table':
      return block.rows.flatMap((row) => hanging(wrapLine(row.map(runsText).join(' | '), whole.width - 2), '', '  '))
    case 'rule':
      return ['* * *']
    case 'notes':
      return block.notes.flatMap((note, i) => {
        const marker = `[${i + 1}] `
        return hanging(blocksLines(note, narrowed(whole, columns(marker)), false), marker)
      })
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
      const text = run.keep ? run.text.trim().replace(/[ \t]+/g, GLUE) : run.text
      if (run.url === undefined || sameAddress(run.text, run.url)) return text
      const shown = run.url.replace(/^mailto:/i, '')
      return run.text.trim() ? `${text} <${shown}>` : `<${shown}>`
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
function wrapLine(line: string, width: number, first = width): string[] {
  const words = line.split(/[ \t]+/).filter(Boolean)
  if (!words.length) return []
  if (width === Infinity) return [words.join(' ')]
  const lines: string[][] = [[]]
  let used = 0
  for (const word of words) {
    const current = lines.at(-1)!
    const size = columns(word)
    const room = lines.length === 1 ? first : width
    if (current.length && used + 1 + size > room) {
      const carried = CLINGS.test(word) && current.length > 1 && columns(current.at(-1)!) + 1 + size <= width ? [current.pop()!] : []
      lines.push(carried)
      used = carried.length ? columns(carried[0]!) : 0
    }
    lines.at(-1)!.push(word)
    used += (lines.at(-1)!.length > 1 ? 1 : 0) + size
  }
  return lines.map((words) => words.join(' '))
}
