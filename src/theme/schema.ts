import { z } from 'zod'
import { mm, SMALLEST_SHEET } from './units.js'

/** A length in points from `min` to `max`. */
const length = (min: number, max: number) => z.number().min(min).max(max)
/** Margins: no letter needs more than 100 mm on a side (the text area is checked against the sheet too). */
const margin = length(0, mm(100))
/** Gaps between blocks and parts of the letter: 60 mm is a fifth of the sheet, more is a page break. */
const gap = length(0, mm(60))
/** Rules, borders and bars: 6 pt is a heavy rule; more is a filled box, not a line. */
const line = length(0, 6)
/** Insets (list and quote indents, marker columns, cell and code padding): 20 mm leaves the text its column. */
const inset = length(0, mm(20))
/** Places and sizes on the sheet: within the smaller of A4 and Letter in each direction. */
const across = length(0, SMALLEST_SHEET.width)
const down = length(0, SMALLEST_SHEET.height)
const colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a colour such as #1f3a5f')
const sides = z.strictObject({ top: margin, right: margin, bottom: margin, left: margin })
// The window of a DL envelope is 90 × 45 mm; a field much smaller than that holds no address.
const box = z.strictObject({
  left: across,
  top: down,
  width: length(mm(40), SMALLEST_SHEET.width),
  height: length(mm(20), SMALLEST_SHEET.height),
})

/**
 * Everything a theme sets, all sizes in points; the schema names the key of any invalid value. Every number
 * has the bounds a real letter needs, and the page's text area must stay usable (see page-box.ts).
 */
export const themeSchema = z.strictObject({
  name: z.string(),
  page: z.strictObject({ margin: sides, headerOffset: margin }),
  fonts: z.strictObject({ body: z.string(), heading: z.string(), mono: z.string(), fallbacks: z.array(z.string()) }),
  size: z.strictObject({
    body: z.number().min(6).max(24),
    small: z.number().min(5).max(20),
    code: z.number().min(5).max(20),
    name: z.number().min(8).max(48),
    title: z.number().min(6).max(36),
    // A heading from a small caption to a poster line; larger does not fit a line of the column.
    heading: z.tuple([length(6, 72), length(6, 72), length(6, 72), length(6, 72), length(6, 72), length(6, 72)]),
    footnoteMark: z.number().min(4).max(14),
    /** The name at the top of a CV. */
    cvName: z.number().min(8).max(48),
  }),
  leading: z.strictObject({ body: z.number().min(1).max(3), heading: z.number().min(1).max(3), tight: z.number().min(1).max(3) }),
  colors: z.strictObject({
    text: colour,
    muted: colour,
    accent: colour,
    link: colour,
    rule: colour,
    codeBackground: colour,
    quoteBar: colour,
    tableBorder: colour,
    tableHeaderBackground: colour,
    band: colour,
  }),
  space: z.strictObject({
    paragraph: gap,
    headingBefore: gap,
    headingAfter: gap,
    listItem: gap,
    block: gap,
    letterhead: gap,
    addressBlock: gap,
    subject: gap,
    salutation: gap,
    closing: gap,
    signatureGap: gap,
    /** A CV's: below its name and contact line, above and below each entry's line, and the least room between an entry's title and its dates. */
    cvHeader: gap,
    entry: gap,
    entryAfter: gap,
    datesGap: gap,
  }),
  heading: z.strictObject({ uppercase: z.boolean(), letterSpacing: z.number().min(0).max(4) }),
  /** Fewest lines of a paragraph left at the foot of a page (orphans) or carried to the next (widows). */
  pagination: z.strictObject({
    orphans: z.number().int().min(1).max(5),
    widows: z.number().int().min(1).max(5),
    /** A list item of up to this many lines moves to the next page whole rather than split. */
    keepListItemLines: z.number().int().min(0).max(40),
  }),
  letterhead: z.strictObject({
    style: z.enum(['rule', 'band']),
    // The band stays inside the top margin (checked with the page), so it never covers text.
    bandHeight: margin,
    ruleWidth: line,
    dateAlign: z.enum(['left', 'right']),
  }),
  /** DIN 5008 form B geometry, in points: present only in themes that place the address for a window envelope. */
  din: z
    .strictObject({
      addressField: box,
      /** The address field's inner margin on the left: the form's text (return address, recipient) starts this far in. */
      addressInset: inset,
      /** Height of the return-address and notes zone at the top of the address field. */
      notesZone: down,
      // The information block holds a label and a value a line: 30 mm is the narrowest that sets both.
      infoBlock: z.strictObject({ left: across, top: down, width: length(mm(30), SMALLEST_SHEET.width) }),
      // Two fold marks and a hole mark are the form; a few more are harmless, hundreds are not a letter.
      foldMarks: z.array(down).max(4),
      holeMark: down,
      markLength: inset,
      bodyTop: down,
    })
    .optional(),
  list: z.strictObject({
    indent: inset,
    // The marker column holds a bullet or a number such as "12.": narrower, the marker stands on the text.
    markerWidth: length(4, mm(20)),
    markerGap: inset,
    bullets: z.array(z.string().max(8)).min(1).max(16),
    // Levels past this one indent no further, so deep nesting keeps its text width.
    maxDepth: z.number().int().min(1).max(16),
    // The narrowest text a nested list item or quote is set at; nesting that would leave less indents no further.
    minWidth: length(mm(20), mm(120)),
  }),
  quote: z.strictObject({ barWidth: line, indent: inset }),
  code: z.strictObject({ padding: inset, radius: inset }),
  // Cell padding is on both sides of every column: 12 pt keeps a six-column table's text a column of its own.
  table: z.strictObject({ cellPadding: length(0, 12), borderWidth: line }),
  /** Thematic breaks; the rule under a CV's section headings (0: none). */
  rule: z.strictObject({ width: line, cvSection: line }),
  // A tick box the size of a letter, from a small capital to a large heading.
  checkbox: z.strictObject({ size: length(2, 24), stroke: length(0, 4) }),
  // Images fit the text area (checked with the page); dpi from a screen shot to a print scan.
  image: z.strictObject({ maxHeight: length(1, SMALLEST_SHEET.height), dpi: z.number().min(36).max(1200) }),
  // A signature takes at most a quarter of the sheet, so the closing it belongs to fits on a page.
  signature: z.strictObject({ height: length(0, SMALLEST_SHEET.height / 4) }),
  /** How far --fit may go: body size, leading and margins never below these; spacing never below this share. */
  fit: z.strictObject({
    minBody: z.number().min(6).max(24),
    minLeading: z.number().min(1).max(3),
    minMargin: z.union([margin, sides]),
    minSpace: z.number().min(0).max(1),
  }),
  /** Values laid over the theme on US Letter paper (US business-letter conventions). */
  letterPaper: z.record(z.string(), z.unknown()).optional(),
})

/** A theme: plain data that every handler and layout block reads. */
export type Theme = z.infer<typeof themeSchema>
