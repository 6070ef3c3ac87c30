import type { Root } from 'mdast'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'
import { LetterError } from './errors.js'
import { NOWHERE, type Place } from './message.js'
import type { RawMeta } from './schema.js'

/** `{{ name }}` or `{{ to.company }}`: a mail-merge placeholder. */
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g

/** The values a letter's placeholders are filled from: one data row (if any), then the letter's own fields. */
export interface MergeValues {
  /** A data row: flat columns ("to.company") or nested mappings (JSON, YAML). */
  row?: Record<string, unknown>
  /** The row's name in messages, such as "row 3". */
  label?: string
  /** Where a front matter field is written (its value may come from the project config instead). */
  place?: (path: string[]) => Place
}

/** Whether text holds a placeholder. */
export const hasPlaceholder = (text: string) => /\{\{\s*[^{}]+?\s*\}\}/.test(text)

/** A value at a dotted path: a flat key first ("to.company" as a CSV column), then nested mappings. */
function lookup(source: Record<string, unknown> | undefined, key: string): unknown {
  if (!source) return undefined
  if (Object.hasOwn(source, key)) return source[key]
  return key
    .split('.')
    .reduce<unknown>(
      (obj, k) => (obj && typeof obj === 'object' && Object.hasOwn(obj, k) ? (obj as Record<string, unknown>)[k] : undefined),
      source,
    )
}

/** Text for a placeholder, or why there is none. */
function valueOf(
  key: string,
  row: Record<string, unknown> | undefined,
  meta: RawMeta,
): { text: string; field?: boolean } | { problem: string } {
  const fromRow = lookup(row, key)
  const value = fromRow ?? lookup(meta as Record<string, unknown>, key)
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) }
  if (typeof value === 'string' && value.trim() !== '') return { text: value, field: fromRow === undefined || fromRow === null }
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) }
  if (value !== undefined && value !== null && typeof value === 'object') return { problem: 'is a mapping or list, not text' }
  // An empty cell is a gap in the data, never a blank in the letter.
  return {
    problem: row ? 'has no value in this row or the front matter' : 'has no value: no front matter field gives it (and no --data row)',
  }
}

/** ASCII punctuation (may be an escape, `\\*`) or beyond ASCII (may be an entity, `&eacute;`): written otherwise in the source. */
// eslint-disable-next-line no-control-regex -- the ASCII range is named by its bounds on purpose
const REWRITTEN = /[!-/:-@[-`{-~]|[^\x00-\x7f]/

/**
 * Line and column of a placeholder at `offset` in a text node's value, which drops each line's indent (list
 * items, `> `) and its escapes: the first line counts from the node's start, the last from its end, a line
 * between from where the last line starts; a one-line text from the side with nothing written otherwise.
 */
function textPlace(node: Node, text: string, offset: number): Place {
  const { start, end } = node.position ?? {}
  if (!start || !end) return NOWHERE
  const lines = text.split('\n')
  const before = text.slice(0, offset).split('\n')
  const index = before.length - 1
  const inLine = before[index]!.length
  const last = lines.length - 1
  const lastStart = end.column - lines[last]!.length
  const fromEnd = end.column - (lines[last]!.length - inLine)
  if (index === 0 && last > 0) return { line: start.line, column: start.column + inLine }
  if (index === 0) {
    // Placeholders themselves are written as they stand; only the text around them may be rewritten.
    const plain = (part: string) => !REWRITTEN.test(part.replace(new RegExp(PLACEHOLDER.source, 'g'), ''))
    const after = text.slice(offset).replace(new RegExp(`^${PLACEHOLDER.source}`), '')
    const fromStart = end.column - start.column === text.length || plain(text.slice(0, offset)) || !plain(after)
    return { line: start.line, column: fromStart ? start.column + inLine : fromEnd }
  }
  if (index === last) return { line: start.line + index, column: fromEnd }
  return { line: start.line + index, column: lastStart + inLine }
}

/**
 * Fill `{{placeholders}}` in the front matter (text fields, from the row) and the letter's text, links and
 * image paths (from the row, then the filled front matter). Code is left as written. A placeholder with no
 * value is a LetterError naming the placeholder, the row and, in the text, its line.
 */
export function fillPlaceholders(tree: Root, meta: RawMeta, values: MergeValues, file: string): RawMeta {
  const where = values.label ? `${values.label}: ` : ''
  const fill = (text: string, placeOf: (offset: number) => Place & { field?: string }, context: RawMeta, depth = 0): string =>
    text.replace(PLACEHOLDER, (whole, key: string, offset: number) => {
      const value = depth > 8 ? { problem: 'refers back to itself through other fields' } : valueOf(key, values.row, context)
      // A field filled from another field ("{{subject}}") has that field's own placeholders filled too.
      if ('text' in value)
        return value.field && hasPlaceholder(value.text) ? fill(value.text, () => placeOf(offset), context, depth + 1) : value.text
      const place = placeOf(offset)
      const field = place.field ? ` (in field "${place.field}")` : ''
      throw new LetterError(`${where}placeholder ${whole}${field} ${value.problem}`, place.line, place.column, file)
    })

  // Front matter first, so the letter's text can use its filled fields ({{subject}} after subject: "{{role}}").
  const fillMeta = (value: unknown, path: string[]): unknown => {
    if (typeof value === 'string')
      return hasPlaceholder(value)
        ? fill(value, () => ({ ...(values.place?.(path) ?? NOWHERE), field: path.join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]') }), meta)
        : value
    if (Array.isArray(value)) return value.map((v, i) => fillMeta(v, [...path, String(i)]))
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillMeta(v, [...path, k])]))
    }
    return value
  }
  const filled = fillMeta(meta, []) as RawMeta

  visit(tree, (node) => {
    // A URL or alt text is not laid out as the source is: its placeholders point at the link or image itself.
    const atNode = () => ({ line: node.position?.start.line ?? null, column: node.position?.start.column ?? null })
    if (node.type === 'text') node.value = fill(node.value, (offset) => textPlace(node, node.value, offset), filled)
    else if (node.type === 'link' || node.type === 'definition') node.url = fill(node.url, atNode, filled)
    else if (node.type === 'image') {
      node.url = fill(node.url, atNode, filled)
      if (node.alt) node.alt = fill(node.alt, atNode, filled)
    }
  })
  return filled
}

/**
 * The letter's source with its placeholders written out from the row and the letter's (filled) fields, as
 * the PDF shows them: what `--check` compares the PDF with. Placeholders with no value stay as written.
 */
export function fillSourceText(markdown: string, row: Record<string, unknown> | undefined, meta: object): string {
  return markdown.replace(PLACEHOLDER, (whole, key: string) => {
    const value = valueOf(key, row, meta as RawMeta)
    return 'text' in value ? value.text : whole
  })
}
