import { basename, extname } from 'node:path'
import type { LetterMeta } from '../types.js'

/** Characters that are unsafe in file names on common systems, and path separators. */
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]+/g

/**
 * The output file name: the `output` template filled from the metadata, else the letter's name with .pdf
 * (and, for a mail-merge row without a template, the row's number: cover-letter-3.pdf).
 */
export function outputName(input: string, meta: LetterMeta, row?: number): string {
  if (!meta.output) return `${basename(input, extname(input))}${row === undefined ? '' : `-${row}`}.pdf`
  const filled = meta.output.replace(/\{([^{}]+)\}/g, (_, key: string) => {
    const value = key.split('.').reduce<unknown>((obj, k) => (obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[k.trim()] : undefined), meta)
    return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
  })
  const clean = filled.replace(UNSAFE, '-').replace(/\s+/g, '-').replace(/-{2,}/g, '-').replace(/^[-. ]+|[- ]+$/g, '').trim()
  const name = clean || basename(input, extname(input))
  return name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`
}
