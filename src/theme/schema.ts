import { z } from 'zod'

const pt = z.number().nonnegative()
const colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a colour such as #1f3a5f')
const sides = z.strictObject({ top: pt, right: pt, bottom: pt, left: pt })
const box = z.strictObject({ left: pt, top: pt, width: pt, height: pt })

/** Everything a theme sets, all sizes in points; the schema names the key of any invalid value. */
export const themeSchema = z.strictObject({
  name: z.string(),
  page: z.strictObject({ margin: sides, headerOffset: pt }),
  fonts: z.strictObject({ body: z.string(), heading: z.string(), mono: z.string(), fallbacks: z.array(z.string()) }),
  size: z.strictObject({
    body: z.number().min(6).max(24),
    small: z.number().min(5).max(20),
    code: z.number().min(5).max(20),
    name: z.number().min(8).max(48),
    title: z.number().min(6).max(36),
    heading: z.tuple([pt, pt, pt, pt, pt, pt]),
    footnoteMark: z.number().min(4).max(14),
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
    paragraph: pt,
    headingBefore: pt,
    headingAfter: pt,
    listItem: pt,
    block: pt,
    letterhead: pt,
    addressBlock: pt,
    subject: pt,
    salutation: pt,
    closing: pt,
    signatureGap: pt,
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
    bandHeight: pt,
    ruleWidth: pt,
    dateAlign: z.enum(['left', 'right']),
  }),
  /** DIN 5008 form B geometry, in points: present only in themes that place the address for a window envelope. */
  din: z
    .strictObject({
      addressField: box,
      /** Height of the return-address and notes zone at the top of the address field. */
      notesZone: pt,
      infoBlock: z.strictObject({ left: pt, top: pt, width: pt }),
      foldMarks: z.array(pt),
      holeMark: pt,
      markLength: pt,
      bodyTop: pt,
    })
    .optional(),
  list: z.strictObject({ indent: pt, markerWidth: pt, markerGap: pt, bullets: z.array(z.string()).min(1), maxDepth: z.number().int().min(1) }),
  quote: z.strictObject({ barWidth: pt, indent: pt }),
  code: z.strictObject({ padding: pt, radius: pt }),
  table: z.strictObject({ cellPadding: pt, borderWidth: pt }),
  rule: z.strictObject({ width: pt }),
  checkbox: z.strictObject({ size: pt, stroke: pt }),
  image: z.strictObject({ maxHeight: pt, dpi: z.number().positive() }),
  signature: z.strictObject({ height: pt }),
  /** How far --fit may go: body size, leading and margins never below these; spacing never below this share. */
  fit: z.strictObject({ minBody: z.number().min(6), minLeading: z.number().min(1), minMargin: z.union([pt, sides]), minSpace: z.number().min(0).max(1) }),
  /** Values laid over the theme on US Letter paper (US business-letter conventions). */
  letterPaper: z.record(z.string(), z.unknown()).optional(),
})

/** A theme: plain data that every handler and layout block reads. */
export type Theme = z.infer<typeof themeSchema>
