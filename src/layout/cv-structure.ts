import type { Heading, RootContent, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { LetterError } from '../parse/errors.js'
import { splitFirstLine } from './structure.js'

/** One entry of a CV section: a `###` heading, its dates and place when the line under it gives them, the rest. */
export interface CvEntry {
  heading: Heading
  dates?: string
  place?: string
  body: RootContent[]
}

/** One `##` section of a CV: what stands before its first entry, then its entries. */
export interface CvSection {
  heading: Heading
  intro: RootContent[]
  entries: CvEntry[]
}

/** A CV's parts as a reader sees them (the name and contact line come from the meta's `from`). */
export interface CvParts {
  /** What stands before the first section (a profile paragraph). */
  intro: RootContent[]
  sections: CvSection[]
}

const MONTHS = [
  // English, full and short
  'january|february|march|april|may|june|july|august|september|october|november|december',
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec',
  // German, full and short (Jänner is Austrian)
  'januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember',
  'mär|mrz|okt|dez',
].join('|')
/** One point in time: a year, a year and month (2023-01, 01/2023, 01.2023), or a month name and year. */
const DATE = `(?:(?:${MONTHS})\\.?\\s+\\d{4}|\\d{4}-\\d{2}|\\d{1,2}[./]\\d{4}|\\d{4})`
const NOW = '(?:present|heute|now|today)'
/** A dash between the two ends: en dash, em dash or hyphen, with or without spaces around it. */
const RANGE = new RegExp(`^(${DATE}(?:\\s*[–—-]\\s*(?:${DATE}|${NOW}))?)(?![\\d\\p{L}])`, 'iu')
/** What may stand between the dates and the place. */
const PLACE = /^\s+[·|—]\s+(\S.*)$/u

/**
 * The one rule for a CV's date line: a date range ("2023 – present", "03/2019 – heute", "Jan 2020 - Mar 2021",
 * one year alone too), optionally followed by ` · `, ` | ` or ` — ` and a place; undefined for any other text.
 */
export function dateLine(text: string): { dates: string; place?: string } | undefined {
  const line = text.trim()
  const range = RANGE.exec(line)
  if (!range) return undefined
  const rest = line.slice(range[1]!.length)
  if (rest.trim() === '') return { dates: range[1]! }
  const place = PLACE.exec(rest)
  return place ? { dates: range[1]!, place: place[1]!.trim() } : undefined
}

const NOT_DRAWN = new Set(['yaml', 'definition', 'footnoteDefinition'])

/** An entry's dates and place from its first block, when that block's first line is a date line; the rest of the block stays in the body. */
function entryOf(heading: Heading, blocks: RootContent[]): CvEntry {
  const [first, ...rest] = blocks
  if (first?.type !== 'paragraph') return { heading, body: blocks }
  const [line, after] = splitFirstLine(first)
  const found = dateLine(toString(line))
  if (!found) return { heading, body: blocks }
  return { heading, ...found, body: after ? [after, ...rest] : rest }
}

/** Split the CV's blocks into sections (`##`) and entries (`###`); a CV with nothing below its front matter is a LetterError naming `file`. */
export function cvParts(tree: Root, file: string): CvParts {
  const blocks = tree.children.filter((n) => !NOT_DRAWN.has(n.type))
  if (!blocks.length) throw new LetterError('CV is empty: write its sections (## Experience) below the front matter', null, null, file)
  const parts: CvParts = { intro: [], sections: [] }
  let section: CvSection | undefined
  let entry: { heading: Heading; blocks: RootContent[] } | undefined
  const closeEntry = () => {
    if (entry && section) section.entries.push(entryOf(entry.heading, entry.blocks))
    entry = undefined
  }
  for (const block of blocks) {
    if (block.type === 'heading' && block.depth === 2) {
      closeEntry()
      section = { heading: block, intro: [], entries: [] }
      parts.sections.push(section)
    } else if (block.type === 'heading' && block.depth === 3 && section) {
      closeEntry()
      entry = { heading: block, blocks: [] }
    } else if (entry) entry.blocks.push(block)
    else if (section) section.intro.push(block)
    else parts.intro.push(block)
  }
  closeEntry()
  return parts
}
