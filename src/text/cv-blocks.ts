import type { Root } from 'mdast'
import { contactItems } from '../layout/contacts.js'
import type { CvParts } from '../layout/cv-structure.js'
import type { LetterMeta } from '../types.js'
import { citations, contentBlocks, endnoteBlocks, inlines, type Inline, type TextBlock } from './blocks.js'
import { contactRun, lineBlock } from './letter-blocks.js'

/** The separator the CV's contact line sets between its items. */
const SEPARATOR: Inline = { text: ' · ' }

/**
 * A CV as blocks, in the CV layout's reading order: the name and title, the one contact line, the intro, then
 * each section's heading and intro and its entries (the heading line, then its dates and place), the endnotes.
 */
export function cvBlocks(tree: Root, parts: CvParts, meta: LetterMeta): TextBlock[] {
  const cites = citations(tree)
  const from = meta.from
  const contacts = from ? contactItems(from).map(contactRun) : []
  const head = lineBlock([
    ...[from?.name, from?.title].filter((l): l is string => Boolean(l)).map((text) => [{ text }]),
    ...(contacts.length ? [contacts.flatMap((run, i) => (i ? [SEPARATOR, run] : [run]))] : []),
  ])
  const sections = parts.sections.flatMap((section) => [
    { type: 'paragraph', inlines: inlines(section.heading.children, cites) } as TextBlock,
    ...contentBlocks(section.intro, cites),
    ...section.entries.flatMap((entry) => [
      ...lineBlock([
        inlines(entry.heading.children, cites),
        ...(entry.dates ? [[{ text: entry.dates + (entry.place ? entry.separator! : '') }, ...inlines(entry.place ?? [], cites)]] : []),
      ]),
      ...contentBlocks(entry.body, cites),
    ]),
  ])
  return [...head, ...contentBlocks(parts.intro, cites), ...sections, ...endnoteBlocks(cites)]
}
