import { basename, extname } from 'node:path'
import type { DocumentProps } from '@react-pdf/renderer'
import { toString } from 'mdast-util-to-string'
import type { LetterMeta } from '../types.js'
import type { LetterLayout } from './letter.js'
import type { LetterParts } from './structure.js'

/** The PDF's document properties, as the letter layout hands them to react-pdf's Document; a title always. */
export type DocumentInfo = LetterLayout['document'] & { title: string }

/** What a letter is about in its own words: its title, its subject, its `#` heading; none when it says nothing. */
export function letterTopic(meta: Pick<LetterMeta, 'title' | 'subject'>, parts: Pick<LetterParts, 'title'>): string | undefined {
  return meta.title ?? meta.subject ?? (parts.title ? toString(parts.title) : undefined)
}

/**
 * The PDF's properties and the letter's topic (what it is about, in its own words: the title, the subject, the
 * `#` heading); the file name is only the last-resort title. `meta` has its subject and title typeset (smartenMeta).
 */
export function documentProperties(
  meta: LetterMeta,
  parts: LetterParts,
  file: string,
  sourceDateEpoch?: number,
): { document: DocumentInfo; topic?: string } {
  const topic = letterTopic(meta, parts)
  const when = sourceDateEpoch === undefined ? new Date() : new Date(sourceDateEpoch * 1000)
  const document = {
    title: topic ?? basename(file, extname(file)),
    author: meta.from?.name ?? parts.author,
    subject: meta.subject,
    keywords: meta.keywords.length ? meta.keywords.join(', ') : undefined,
    language: meta.lang,
    // No modification date: react-pdf writes it as a non-standard /ModificationDate entry.
    creationDate: when,
    // PDF/A-2a (the tagged level): pdfkit then writes PDF 1.7, XMP with the PDF/A identification and an
    // sRGB output intent; the structure tree comes from src/draw/tagged.ts.
    // (react-pdf's types list only the B levels; our renderer hands the value to pdfkit, which knows 2a.)
    conformance: (meta.pdfa ? 'PDF/A-2a' : undefined) as DocumentProps['conformance'],
  }
  return { document, topic }
}
