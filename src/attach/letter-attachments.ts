import type { ParsedLetter } from '../parse/index.js'
import { NOWHERE } from '../parse/message.js'
import { pdfaClaim } from '../parse/meta.js'
import type { ReadMeta } from '../parse/read-meta.js'
import type { LetterMessage } from '../types.js'
import { enclosureNames } from './enclosures.js'
import { readAttachments, type Attachment } from './read.js'

/** What the caller adds to a letter's own attachments. */
export interface CallerAttachments {
  /** PDFs appended after the front matter's (relative to `cwd`; not confined). */
  attach?: string[]
  /** The caller's PDF/A choice, which overrides the letter's. */
  pdfa?: boolean
  /** The working folder the caller's paths are relative to and shown from. */
  cwd: string
}

/**
 * The PDFs to append (the front matter's, then the caller's), read before the letter is laid out so a missing
 * one fails fast; they name the enclosures a letter does not list itself, and rule out a PDF/A claim.
 */
export async function letterAttachments(
  parsed: ParsedLetter,
  { layers, meta, place }: ReadMeta,
  caller: CallerAttachments,
  files: { baseDir: string; allowPaths: string[]; file: string },
  warnings: LetterMessage[],
): Promise<Attachment[]> {
  const placeOf = (i: number) => place(Array.isArray(parsed.raw.attach) ? ['attach', i] : ['attach'])
  const attachments = readAttachments(meta.attach, caller.attach ?? [], { ...files, cwd: caller.cwd, placeOf })
  // Enclosures the letter does not list itself are the attachments, named by their own Titles where they have one.
  if (layers.enclosures === undefined && attachments.length) meta.enclosures = await enclosureNames(attachments, files.file, warnings)
  warnings.push(
    ...pdfaClaim(caller.pdfa ?? layers.pdfa, attachments.length, caller.pdfa === undefined ? place(['pdfa']) : NOWHERE).warnings,
  )
  return attachments
}
