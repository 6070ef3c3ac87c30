import type { Heading, PhrasingContent, RootContent, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { LetterError } from '../parse/errors.js'
import { splitFirstLine } from './structure.js'

/** One entry of a CV section: a `###` heading, its dates and place when the line under it gives them, the rest. */
export interface CvEntry {
  heading: Heading
  dates?: string
  /** What stands between the dates and the place, as written (" · ", " | ", ", "). */
  separator?: string
  /** The place as written, its inline Markdown (links, emphasis) kept. */
  place?: PhrasingContent[]
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
  /** The name a leading `#` heading gives, when asked for (a CV whose `from` has no name). */
  name?: string
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
const SEASONS = 'spring|summer|autumn|fall|winter|frühling|frühjahr|sommer|herbst'
/**
 * One point in time: a day (2021-03-15, 15.03.2021, 15 March 2021), a month (2023-01, 01/2023, 01.2023, Jan 2020),
 * a season (Summer 2020, Sommer 2020) or a year.
 */
const DATE =
  `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|(?:\\d{1,2}\\.?\\s+)?(?:${MONTHS})\\.?\\s+\\d{4}|(?:${SEASONS})\\s+\\d{4}|` +
  `\\d{4}-\\d{2}|\\d{1,2}[./]\\d{4}|\\d{4})`
const NOW = '(?:present|current|ongoing|now|today|heute|jetzt)'
/** Between the two ends: an en dash, em dash or hyphen, with or without spaces, or a word (to, until, bis). */
const TO = '(?:\\s*[–—-]\\s*|\\s+(?:to|until|till|bis)\\s+)'
/** A dash with nothing after it but the line's end or a place is an open end ("2019 –"). */
const OPEN = '\\s*[–—-](?=\\s*(?:$|[·|•,]))'
const RANGE = new RegExp(`^((?:(?:since|seit|from|von|ab)\\s+)?${DATE}(?:${TO}(?:${DATE}|${NOW})|${OPEN})?)(?![\\d\\p{L}])`, 'iu')
/** What may stand between the dates and the place: ` · `, ` | `, ` • ` or ` — `, kept as written. */
const PLACE = /^(\s+[·|•—]\s+)(\S.*)$/u
/** A place after a comma ("2019 – 2020, Berlin"): a few capitalised words (short lower-case ones between, as in "Frankfurt am Main"), no sentence. */
const COMMA_PLACE = /^(,\s+)(\p{Lu}[\p{L}\p{M}.'-]*(?:,?\s+(?:\p{Lu}[\p{L}\p{M}.'-]*|\p{Ll}{1,3}))*)$/u

/**
 * The one rule for a CV's date line: a date range ("2023 – present", "03/2019 – heute", "Jan 2020 - Mar 2021",
 * "2021-03-15 – 2022-01-10", "seit 2019", "2019 to 2020", "2019 –", one date alone too), optionally followed by a
 * place after ` · `, ` | `, ` • `, ` — ` or a comma (the separator as written); undefined for any other text.
 */
export function dateLine(text: string): { dates: string; separator?: string; place?: string } | undefined {
  const line = text.trim()
  const range = RANGE.exec(line)
  if (!range) return undefined
  const dates = range[1]!
  const rest = line.slice(dates.length)
  if (rest.trim() === '') return { dates }
  const place = PLACE.exec(rest) ?? (rest.split(/\s+/).length <= 7 ? COMMA_PLACE.exec(rest.trimEnd()) : null)
  return place ? { dates, separator: place[1]!, place: place[2]!.trim() } : undefined
}

const NOT_DRAWN = new Set(['yaml', 'definition', 'footnoteDefinition'])

/** An entry's dates and place from its first block, when that block's first line is a date line; the rest of the block stays in the body. */
function entryOf(heading: Heading, blocks: RootContent[]): CvEntry {
  const [first, ...rest] = blocks
  if (first?.type !== 'paragraph') return { heading, body: blocks }
  const [line, after] = splitFirstLine(first)
  const text = toString(line)
  const found = dateLine(text)
  if (!found) return { heading, body: blocks }
  const body = after ? [after, ...rest] : rest
  if (found.place === undefined) return { heading, dates: found.dates, body }
  const skip = text.length - text.trimStart().length + found.dates.length + found.separator!.length
  const place = withoutLeading(line.children, skip) ?? [{ type: 'text', value: found.place }]
  return { heading, dates: found.dates, separator: found.separator, place, body }
}

/** Inline content less its first `count` characters, when they all stand in plain text; undefined when markup starts earlier. */
function withoutLeading(children: PhrasingContent[], count: number): PhrasingContent[] | undefined {
  const out = [...children]
  let left = count
  while (left > 0) {
    const first = out[0]
    if (first?.type !== 'text') return undefined
    if (first.value.length > left) {
      out[0] = { ...first, value: first.value.slice(left) }
      left = 0
    } else {
      left -= first.value.length
      out.shift()
    }
  }
  return out
}

/**
 * Split the CV's blocks into sections (`##`) and entries (`###`); with `nameFromHeading`, a `#` heading that opens
 * the CV is its name. A CV with nothing below its front matter is a LetterError naming `file`.
 */
export function cvParts(tree: Root, file: string, nameFromHeading = false): CvParts {
  let blocks = tree.children.filter((n) => !NOT_DRAWN.has(n.type))
  if (!blocks.length) throw new LetterError('CV is empty: write its sections (## Experience) below the front matter', null, null, file)
  const parts: CvParts = { intro: [], sections: [] }
  const [first] = blocks
  if (nameFromHeading && first?.type === 'heading' && first.depth === 1 && toString(first).trim()) {
    parts.name = toString(first).trim()
    blocks = blocks.slice(1)
  }
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
