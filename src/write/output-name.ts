import { basename, extname } from 'node:path'
import type { LetterMeta } from '../types.js'

/** Characters that are unsafe in file names on common systems, and path separators. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]+/g
/**
 * Invisible characters: controls and format characters (bidi overrides such as U+202E, zero-width spaces,
 * soft hyphens), except the zero-width joiner and non-joiner that emoji and Persian or Indic words need.
 */
const INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}]/gu
/** Names Windows reserves for devices, with any extension after them (con.pdf, aux.tar.pdf). */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(?=\.|$)/i
/**
 * The longest output name in UTF-8 bytes, ".pdf" included: file systems hold 255 bytes a name, and the
 * temporary file written beside it while the PDF is written adds a dot before and about 25 bytes after.
 */
export const MAX_OUTPUT_NAME_BYTES = 200

/**
 * The output file name: the `output` template filled from the metadata, else the letter's name with .pdf
 * (and, for a mail-merge row without a template, the row's number: cover-letter-3.pdf). Either way the
 * name holds no invisible characters, is no name Windows reserves, and fits MAX_OUTPUT_NAME_BYTES.
 */
export function outputName(input: string, meta: LetterMeta, row?: number): string {
  const own = basename(input, extname(input))
  if (!meta.output) return `${fitName(`${own}${row === undefined ? '' : `-${row}`}`, 'letter')}.pdf`
  const filled = meta.output.replace(/\{([^{}]+)\}/g, (_, key: string) => {
    const value = key
      .split('.')
      .reduce<unknown>(
        (obj, k) =>
          obj && typeof obj === 'object' && Object.hasOwn(obj, k.trim()) ? (obj as Record<string, unknown>)[k.trim()] : undefined,
        meta,
      )
    return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
  })
  const clean = filled
    .replace(INVISIBLE, '')
    .replace(UNSAFE, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-. ]+|[- ]+$/g, '')
    .trim()
  return `${fitName(clean.replace(/\.pdf$/i, ''), fitName(own, 'letter'))}.pdf`
}

/** A name (without .pdf) made safe: invisible characters out, a reserved name suffixed, cut to the byte limit. */
function fitName(name: string, fallback: string): string {
  let stem = name.replace(INVISIBLE, '').replace(RESERVED, '$1_')
  const room = MAX_OUTPUT_NAME_BYTES - '.pdf'.length
  if (Buffer.byteLength(stem) > room) {
    // Cut between user-perceived characters, so no accent or emoji is split.
    let kept = ''
    let bytes = 0
    for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(stem)) {
      bytes += Buffer.byteLength(segment)
      if (bytes > room) break
      kept += segment
    }
    stem = kept.replace(/[-. ]+$/, '')
  }
  return stem || fallback
}

/** The plain-text twin's path: the PDF's, with .txt for .pdf (`output/x.pdf` → `output/x.txt`). */
export const textPath = (pdfPath: string) => pdfPath.replace(/\.pdf$/i, '') + '.txt'
