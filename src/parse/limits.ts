import type { Nodes, Root } from 'mdast'
import { READ_LIMITS } from '../util/read-file.js'
import { LetterError } from './errors.js'

/** The largest letter rendered: a cover letter is a few KB; past this, layout time and memory grow for nothing. */
export const MAX_LETTER_BYTES = READ_LIMITS.letter
/** The deepest nesting of lists and block quotes laid out (react-pdf's layout fails far deeper). */
export const MAX_NESTING = 64

/** Refuse a letter past the size limit, before any work is done on it. */
export function checkSize(bytes: number, file: string): void {
  if (bytes > MAX_LETTER_BYTES) {
    throw new LetterError(
      `letter is too large: ${(bytes / 1024).toFixed(0)} KB; letters up to ${MAX_LETTER_BYTES / 1024} KB are rendered`,
      null,
      null,
      file,
    )
  }
}

/** The most emphasis marks and brackets (* _ ~ [ ]) in one paragraph: the parser pairs them in quadratic time. */
export const MAX_PARAGRAPH_MARKS = 500
/** The most emphasis marks and brackets in a whole letter, so that many such paragraphs stay quick too. */
export const MAX_MARKS = 5000

/** The error for nesting past MAX_NESTING, from the scan before parsing and the check after it alike. */
function nestingError(line: number | null, column: number | null, file: string): LetterError {
  return new LetterError(`lists and block quotes are nested more than ${MAX_NESTING} deep here; flatten them`, line, column, file)
}

/** Refuse lists and block quotes nested deeper than MAX_NESTING, naming the line where it happens. */
export function checkNesting(tree: Root, file: string): void {
  // An explicit stack: the check itself must not overflow on a hostile letter.
  const stack: [Nodes, number][] = [[tree, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    const level = depth + (node.type === 'list' || node.type === 'blockquote' ? 1 : 0)
    if (level > MAX_NESTING) {
      const start = node.position?.start
      throw nestingError(start?.line ?? null, start?.column ?? null, file)
    }
    if ('children' in node) for (const child of node.children) stack.push([child, level])
  }
}

/** A container open on a line: a block quote, or a list item with the indent its content needs. */
const QUOTE = -1

/**
 * Refuse Markdown that would make parsing slow or its tree deep, before it is parsed, in one linear pass:
 * lines inside more than MAX_NESTING lists and block quotes (by their markers and indentation, as
 * CommonMark nests them), brackets nested deeper than MAX_NESTING, and more emphasis marks and brackets
 * than MAX_PARAGRAPH_MARKS in a paragraph or MAX_MARKS in the letter.
 * The scan errs towards counting too much (checkNesting after parsing is the exact rule); no real letter
 * comes near either limit.
 */
export function checkSource(markdown: string, file: string): void {
  const stack: number[] = []
  let fence: { char: string; length: number; depth: number } | null = null
  let inParagraph = false
  const marks = { paragraph: 0, letter: 0, brackets: 0 }
  let start = frontMatterEnd(markdown)
  let lineNo = countLines(markdown, start)
  while (start <= markdown.length) {
    const newline = markdown.indexOf('\n', start)
    const end = newline === -1 ? markdown.length : newline
    const line = markdown.slice(start, end)
    start = end + 1
    lineNo++
    // A cursor over the line: i is the index, col the column with tabs at every 4, extra the rest of a split tab.
    let i = 0
    let col = 0
    let extra = 0
    const blankFrom = () => /^[ \t]*$/.test(line.slice(i))
    const whitespace = () => {
      let c = col
      for (let k = i; line[k] === ' ' || line[k] === '\t'; k++) c += line[k] === ' ' ? 1 : 4 - (c % 4)
      return extra + c - col
    }
    const skip = (columns: number) => {
      const fromExtra = Math.min(extra, columns)
      extra -= fromExtra
      let left = columns - fromExtra
      while (left > 0 && i < line.length && (line[i] === ' ' || line[i] === '\t')) {
        const width = line[i] === ' ' ? 1 : 4 - (col % 4)
        i++
        col += width
        if (width > left) extra = width - left
        left -= Math.min(width, left)
      }
    }
    const nonSpace = () => {
      let k = i
      while (line[k] === ' ' || line[k] === '\t') k++
      return k
    }
    // Continue the open containers: a quote needs its ">", a list item its indentation (or a blank line).
    let matched = 0
    for (; matched < stack.length; matched++) {
      const indent = stack[matched]!
      if (indent === QUOTE) {
        const w = whitespace()
        if (w > 3 || line[nonSpace()] !== '>') break
        skip(w)
        i++
        col++
        extra = 0
        if (line[i] === ' ' || line[i] === '\t') skip(1)
      } else if (!blankFrom()) {
        if (whitespace() < indent) break
        skip(indent)
      }
    }
    if (fence && matched >= fence.depth) {
      if (isFenceClose(line.slice(nonSpace()), fence) && whitespace() <= 3) fence = null
      continue
    }
    fence = null
    // Open new containers: ">" and list markers, up to 3 spaces in, as long as the line starts with them.
    let opened = false
    for (;;) {
      const w = whitespace()
      if (w > 3) break
      const at = nonSpace()
      const rest = line.slice(at)
      if (rest[0] === '>') {
        stack.length = matched
        stack.push(QUOTE)
        matched++
        skip(w)
        i++
        col++
        extra = 0
        if (line[i] === ' ' || line[i] === '\t') skip(1)
      } else {
        const marker = /^(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)/.exec(rest)
        if (!marker || isThematicBreak(rest)) break
        const empty = /^[ \t]*$/.test(rest.slice(marker[0].length))
        // An item that cannot interrupt a paragraph (empty, or numbered other than 1) is paragraph text.
        const interruptible = !(empty || (marker[1] !== undefined && Number(marker[1]) !== 1))
        if (inParagraph && !opened && matched === stack.length && !interruptible) break
        skip(w)
        i += marker[0].length
        col += marker[0].length
        extra = 0
        const after = empty ? 1 : whitespace() > 4 ? 1 : whitespace()
        skip(after)
        stack.length = matched
        stack.push(w + marker[0].length + after)
        matched++
        if (interruptible) marks.paragraph = marks.brackets = 0
      }
      opened = true
      if (stack.length > MAX_NESTING) throw nestingError(lineNo, at + 1, file)
    }
    const text = line.slice(i)
    const blank = /^[ \t]*$/.test(text)
    // A line that opens nothing and continues a paragraph stays inside the containers it did not match (lazy).
    if (!opened && matched < stack.length && !(inParagraph && !blank && !startsBlock(text))) stack.length = matched
    if (blank) {
      inParagraph = false
      marks.paragraph = marks.brackets = 0
      continue
    }
    if (opened) inParagraph = false
    const open = whitespace() <= 3 ? /^(`{3,}|~{3,})(.*)$/.exec(line.slice(nonSpace())) : null
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length, depth: stack.length }
      inParagraph = false
      continue
    }
    if (!inParagraph && whitespace() >= 4) continue // indented code
    inParagraph = true
    if (isThematicBreak(text.trim())) continue
    const problem = countMarks(text, marks)
    if (problem) throw new LetterError(problem.message, lineNo, i + problem.index + 1, file)
  }
}

/** Count a line's unescaped * _ ~ [ ] into `marks`; the first limit it passes, with the index of the mark. */
function countMarks(
  text: string,
  marks: { paragraph: number; letter: number; brackets: number },
): { message: string; index: number } | undefined {
  const escape = 'split it, or write the marks as \\* \\_ \\~ \\[ \\]'
  for (let k = 0; k < text.length; k++) {
    const c = text[k]
    if (c === '\\') k++
    else if (c === '[' || c === ']' || c === '*' || c === '_' || c === '~') {
      if (c === '[' && ++marks.brackets > MAX_NESTING)
        return { message: `brackets ([ ]) are nested more than ${MAX_NESTING} deep here; close them, or write them as \\[ \\]`, index: k }
      if (c === ']') marks.brackets = Math.max(0, marks.brackets - 1)
      if (++marks.paragraph > MAX_PARAGRAPH_MARKS)
        return { message: `more than ${MAX_PARAGRAPH_MARKS} emphasis marks and brackets (* _ ~ [ ]) in one paragraph; ${escape}`, index: k }
      if (++marks.letter > MAX_MARKS)
        return {
          message: `more than ${MAX_MARKS} emphasis marks and brackets (* _ ~ [ ]) in the letter; ${escape.replace('split it', 'shorten it')}`,
          index: k,
        }
    }
  }
  return undefined
}

/** Where the Markdown starts after YAML front matter (0 without it). */
function frontMatterEnd(markdown: string): number {
  const open = /^---[ \t]*\n/.exec(markdown)
  if (!open) return 0
  const close = /\n---[ \t]*(\n|$)/.exec(markdown.slice(open[0].length - 1))
  return close ? open[0].length - 1 + close.index + close[0].length : 0
}

/** How many lines end before `offset`. */
function countLines(text: string, offset: number): number {
  let lines = 0
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) lines++
  return lines
}

/** Whether a line is a thematic break (three or more of one of - * _), which is not a list item. */
function isThematicBreak(text: string): boolean {
  return /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(text)
}

/** Whether a line closes a code fence: the same mark, at least as long, nothing after it. */
function isFenceClose(text: string, fence: { char: string; length: number }): boolean {
  const run = /^(`+|~+)[ \t]*$/.exec(text)
  return Boolean(run && run[1]![0] === fence.char && run[1]!.length >= fence.length)
}

/** Whether a line starts a block of its own (heading, fence, thematic break), so it is no lazy continuation. */
function startsBlock(text: string): boolean {
  return /^ {0,3}(#{1,6}([ \t]|$)|`{3,}|~{3,})/.test(text) || isThematicBreak(text.trim())
}

/**
 * Decode a letter's bytes as UTF-8, or say where they stop being text: binary data (a PDF renamed .md)
 * and invalid UTF-8 are errors naming the byte offset and the line.
 */
export function decodeLetter(bytes: Uint8Array, file: string): string {
  checkSize(bytes.byteLength, file)
  let text: string | undefined
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Reported below, after a NUL that may come first.
  }
  // Whichever comes first: a byte that is not UTF-8, or a NUL (binary data that happens to be valid UTF-8).
  const invalid = text === undefined ? invalidUtf8At(bytes) : bytes.length
  const nul = bytes.indexOf(0)
  if (nul !== -1 && nul < invalid)
    throw new LetterError(`not a text file: binary data (a NUL byte) at byte offset ${nul}`, ...placeOfByte(bytes, nul), file)
  if (text === undefined) {
    throw new LetterError(
      `not UTF-8 text: invalid byte 0x${bytes[invalid]!.toString(16).padStart(2, '0')} at byte offset ${invalid}`,
      ...placeOfByte(bytes, invalid),
      file,
    )
  }
  return text.replace(/^\uFEFF/, '')
}

/**
 * The offset where bytes stop being UTF-8, by the platform's strict decoder: the shortest prefix it
 * refuses (found by halving), then back to the first byte of the sequence that prefix broke off.
 */
function invalidUtf8At(bytes: Uint8Array): number {
  // A prefix decoded as a stream may end inside a character; only a byte that cannot continue fails it.
  const fails = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true })
      return false
    } catch {
      return true
    }
  }
  let low = 0
  let high = bytes.length + 1 // fails(high) holds: the whole input, then its unfinished end, fails.
  while (high - low > 1) {
    const mid = (low + high) >>> 1
    if (fails(mid)) high = mid
    else low = mid
  }
  // Bytes [0, low) decode, perhaps ending inside a sequence: that sequence is the invalid one.
  let start = Math.min(low, bytes.length - 1)
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const b = bytes[low - back]!
    if (b >= 0xc0) {
      if (!completes(bytes.subarray(0, low))) start = low - back
      break
    }
    if (b < 0x80) break
  }
  return start
}

/** Whether bytes decode as whole UTF-8 text, with no sequence left unfinished at the end. */
function completes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Line and column (in characters) of a byte offset whose preceding bytes are valid UTF-8; CRLF and lone CR end lines too. */
function placeOfByte(bytes: Uint8Array, offset: number): [number, number] {
  let line = 1
  let lineStart = 0
  for (let k = 0; k < offset; k++) {
    const b = bytes[k]
    if (b === 0x0a || (b === 0x0d && bytes[k + 1] !== 0x0a)) {
      line++
      lineStart = k + 1
    }
  }
  const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))].length + 1
  return [line, column]
}
