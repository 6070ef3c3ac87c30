import type { Paragraph, Root } from 'mdast'
import { contactItems, type ContactItem } from '../layout/contacts.js'
import { dinFields } from '../layout/din-fields.js'
import { annotationLines, labelsFor } from '../layout/labels.js'
import { findParts, metaSigner, type LetterParts } from '../layout/structure.js'
import { recipientLines } from '../parse/meta.js'
import type { LetterMeta, Person } from '../types.js'
import { citations, contentBlocks, endnoteBlocks, inlines, paragraphOf, type Citations, type Inline, type TextBlock } from './blocks.js'

/** A contact item as a run, never wrapped inside (a phone number, "10969 Berlin"): a link when the letterhead makes it one. */
export const contactRun = ({ text, href }: ContactItem): Inline => (href ? { text, url: href, keep: true } : { text, keep: true })

/** Lines of plain text as one block of kept lines (none when there are none). */
export const lineBlock = (lines: Inline[][]): TextBlock[] => (lines.length ? [{ type: 'lines', lines }] : [])

/** The letterhead's lines: name, title, then the contact lines. */
const letterhead = (from: Person): TextBlock[] =>
  lineBlock([
    ...[from.name, from.title].filter((l): l is string => Boolean(l)).map((text) => [{ text }]),
    ...contactItems(from).map((item) => [contactRun(item)]),
  ])

/** The head as the letter layout sets it: letterhead, date and recipient; or, in a DIN 5008 theme, its form's head. */
function headBlocks(meta: LetterMeta, din: boolean): TextBlock[] {
  const { from, to, date } = meta
  if (!din) {
    return [
      ...(from ? letterhead(from) : []),
      ...(date !== false ? [{ type: 'paragraph', inlines: [{ text: date }] } as TextBlock] : []),
      ...lineBlock(to ? recipientLines(to).map((text) => [{ text }]) : []),
    ]
  }
  // The DIN letterhead leaves phone and e-mail to the information block beside the address field.
  const fields = dinFields(from, to, date, labelsFor(meta.lang))
  return [
    ...(from ? letterhead({ ...from, phone: undefined, email: undefined }) : []),
    ...lineBlock(fields.returnAddress ? [[{ text: fields.returnAddress }]] : []),
    ...lineBlock(fields.recipient.map((text) => [{ text }])),
    ...lineBlock(fields.info.map(([label, item]) => [{ text: `${label}: ` }, contactRun(item)])),
  ]
}

/** The closing's lines: the phrase, then every line of the signer's paragraphs, as the closing block sets them. */
function closingLines(phrase: Paragraph, signer: Paragraph[], cites: Citations): Inline[][] {
  return [phrase, ...signer].flatMap((p) => splitLines(inlines(p.children, cites, true)))
}

/** Runs cut at their "\n" into lines; blank lines dropped. */
function splitLines(runs: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]]
  for (const run of runs) {
    if ('note' in run || !run.text.includes('\n')) {
      lines.at(-1)!.push(run)
      continue
    }
    run.text.split('\n').forEach((part, i) => {
      if (i) lines.push([])
      if (part) lines.at(-1)!.push({ ...run, text: part })
    })
  }
  return lines.filter((line) => line.some((run) => 'note' in run || run.text.trim() !== ''))
}

/**
 * The letter's own text as blocks, from its Markdown: the `#` title, salutation, body, closing and signer, and
 * the endnotes; `cites` numbers the footnotes in the order they are cited, as the layout does.
 */
export function textBlocks(
  parts: LetterParts,
  cites: Citations,
): { title: TextBlock[]; body: TextBlock[]; closing: TextBlock[]; notes: () => TextBlock[] } {
  const title = parts.title ? [paragraphOf(parts.title.children, cites)] : []
  const salutation = parts.salutation ? [paragraphOf(parts.salutation.children, cites)] : []
  const body = [...salutation, ...contentBlocks(parts.body, cites)]
  const closing = parts.closing ? lineBlock(closingLines(parts.closing.phrase, parts.closing.signer, cites)) : []
  return { title, body, closing, notes: () => endnoteBlocks(cites) }
}

/** The blocks of a letter's Markdown alone (no front matter values): what `check` compares a PDF's words with. */
export function sourceBlocks(tree: Root): TextBlock[] {
  const own = textBlocks(findParts(tree), citations(tree))
  return [...own.title, ...own.body, ...own.closing, ...own.notes()]
}

/**
 * The whole letter as blocks, in the layout's reading order: head (sender, date, recipient, or the DIN form's
 * fields), the `#` title and the subject, salutation, body, closing and signer (the front matter's when the
 * letter has none), enclosures and copies, endnotes. `meta` is the typeset meta the layout sets; `din` whether
 * the theme sets the DIN 5008 head.
 */
export function letterBlocks(tree: Root, parts: LetterParts, meta: LetterMeta, din: boolean): TextBlock[] {
  const own = textBlocks(parts, citations(tree))
  const subject: TextBlock[] = meta.subject ? [{ type: 'paragraph', inlines: [{ text: meta.subject }] }] : []
  const closing =
    own.closing.length || !meta.closing ? own.closing : lineBlock([meta.closing, ...metaSigner(meta)].map((text) => [{ text }]))
  const annotations = lineBlock(annotationLines(labelsFor(meta.lang), meta.enclosures, meta.cc).map((text) => [{ text }]))
  return [...headBlocks(meta, din), ...own.title, ...subject, ...own.body, ...closing, ...annotations, ...own.notes()]
}
