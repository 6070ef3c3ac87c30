import type { ParsedLetter } from '../parse/index.js'
import { NOWHERE } from '../parse/message.js'
import { pdfaClaim } from '../parse/meta.js'
import type { ReadMeta } from '../parse/read-meta.js'
import type { LetterMessage } from '../types.js'
import { enclosureNames } from './enclosures.js'
import { readMarkdownPart, type MarkdownPart, type PartContext } from './markdown-part.js'
import { readAttachments, type Attachment } from './read.js'

/** What the caller adds to a letter's own attachments. */
export interface CallerAttachments {
  /** Files appended after the front matter's (relative to `cwd`; not confined). */
  attach?: string[]
  /** The caller's PDF/A choice, which overrides the letter's. */
  pdfa?: boolean
  /** The working folder the caller's paths are relative to and shown from. */
  cwd: string
  /** The caller's overrides that hold for the attached Markdown too. */
  inputs: PartContext['inputs']
  /** What an attached source is about, as its layout names it (attach knows no layout). */
  topic: PartContext['topic']
}

/** An attachment as the letter appends it: a PDF to copy, or Markdown read as a letter of its own (`part`). */
export type LetterAttachment = Attachment & { part?: MarkdownPart }

/**
 * The files to append (the front matter's, then the caller's), read before the letter is laid out so a missing
 * or broken one fails fast — Markdown ones parsed, with their front matter over the letter's settings; they name
 * the enclosures a letter does not list itself, and attached PDFs rule out a PDF/A claim.
 */
export async function letterAttachments(
  parsed: ParsedLetter,
  { layers, meta, place }: ReadMeta,
  caller: CallerAttachments,
  files: { baseDir: string; allowPaths: string[]; file: string },
  warnings: LetterMessage[],
): Promise<LetterAttachment[]> {
  const placeOf = (i: number) => place(Array.isArray(parsed.raw.attach) ? ['attach', i] : ['attach'])
  const read = readAttachments(meta.attach, caller.attach ?? [], { ...files, cwd: caller.cwd, placeOf })
  const context = { layers, baseDir: files.baseDir, allowPaths: files.allowPaths, inputs: caller.inputs, topic: caller.topic }
  const attachments = read.map((attachment) =>
    attachment.kind === 'pdf' ? attachment : { ...attachment, part: readMarkdownPart(attachment, context) },
  )
  // Enclosures the letter does not list itself are the attachments, named by their own titles where they have one.
  if (layers.enclosures === undefined && attachments.length) meta.enclosures = await enclosureNames(attachments, files.file, warnings)
  warnings.push(
    ...pdfaClaim(
      caller.pdfa ?? layers.pdfa,
      attachments.map((attachment) => attachment.name),
      caller.pdfa === undefined ? place(['pdfa']) : NOWHERE,
    ).warnings,
  )
  return attachments
}
