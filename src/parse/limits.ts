import type { Nodes, Root } from 'mdast'
import { LetterError } from './errors.js'

/** The largest letter rendered: a cover letter is a few KB; past this, layout time and memory grow for nothing. */
export const MAX_LETTER_BYTES = 512 * 1024
/** The deepest nesting of lists and block quotes laid out (react-pdf's layout fails far deeper). */
export const MAX_NESTING = 64

/** Refuse a letter past the size limit, before any work is done on it. */
export function checkSize(bytes: number, file: string): void {
  if (bytes > MAX_LETTER_BYTES) {
    throw new LetterError(`letter is too large: ${(bytes / 1024).toFixed(0)} KB; letters up to ${MAX_LETTER_BYTES / 1024} KB are rendered`, null, null, file)
  }
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
      throw new LetterError(`lists and block quotes are nested more than ${MAX_NESTING} deep here; flatten them`, start?.line ?? null, start?.column ?? null, file)
    }
    if ('children' in node) for (const child of node.children) stack.push([child, level])
  }
}

/**
 * Decode a letter's bytes as UTF-8, or say where they stop being text: binary data (a PDF renamed .md)
 * and invalid UTF-8 are errors naming the byte offset.
 */
export function decodeLetter(bytes: Uint8Array, file: string): string {
  checkSize(bytes.byteLength, file)
  // Whichever comes first: a byte that is not UTF-8, or a NUL (binary data that happens to be valid UTF-8).
  const invalid = invalidUtf8At(bytes)
  const nul = bytes.indexOf(0)
  if (nul !== -1 && nul < invalid) throw new LetterError(`not a text file: binary data (a NUL byte) at byte offset ${nul}`, null, null, file)
  if (invalid < bytes.length) {
    throw new LetterError(`not UTF-8 text: invalid byte 0x${bytes[invalid]!.toString(16).padStart(2, '0')} at byte offset ${invalid}`, null, null, file)
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (!length) return i
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i
    i += length
  }
  return bytes.length
}
