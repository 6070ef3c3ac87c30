import type { Theme } from './schema.js'
import { inch, mm } from './units.js'

/** The default theme: a serif text face, a restrained letterhead over a hairline, generous margins. */
export const classic: Theme = {
  name: 'classic',
  page: { margin: { top: mm(20), right: mm(24), bottom: mm(20), left: mm(24) }, headerOffset: mm(9) },
  fonts: { body: 'Noto Serif', heading: 'Noto Serif', mono: 'Noto Sans Mono', fallbacks: ['Noto Sans Math', 'Noto Sans Symbols 2'] },
  size: { body: 10.5, small: 8.5, code: 9, name: 20, title: 14, heading: [14, 12, 11, 10.5, 10.5, 10.5], footnoteMark: 7 },
  leading: { body: 1.42, heading: 1.2, tight: 1.25 },
  colors: {
    text: '#1a1a1a',
    muted: '#5c5c5c',
    accent: '#1f3a5f',
    link: '#1f3a5f',
    rule: '#b8b8b8',
    codeBackground: '#f3f3f1',
    quoteBar: '#c9c9c9',
    tableBorder: '#cfcfcf',
    tableHeaderBackground: '#f1f1ee',
    band: '#1f3a5f',
  },
  space: {
    paragraph: 7,
    headingBefore: 10,
    headingAfter: 4,
    listItem: 3,
    block: 8,
    letterhead: 18,
    addressBlock: 16,
    subject: 14,
    salutation: 8,
    closing: 14,
    signatureGap: 30,
  },
  heading: { uppercase: false, letterSpacing: 0 },
  letterhead: { style: 'rule', bandHeight: 0, ruleWidth: 0.6, dateAlign: 'right' },
  list: { indent: 4, markerWidth: 14, markerGap: 2, bullets: ['•', '◦', '▪'], maxDepth: 8 },
  quote: { barWidth: 2, indent: 10 },
  code: { padding: 6, radius: 2 },
  table: { cellPadding: 4, borderWidth: 0.5 },
  rule: { width: 0.6 },
  checkbox: { size: 8, stroke: 0.8 },
  image: { maxHeight: 260, dpi: 96 },
  signature: { height: 42 },
  fit: { minBody: 9.5, minLeading: 1.22, minMargin: mm(15), minSpace: 0.4 },
  // US business letter (block format): one-inch margins, everything flush left.
  letterPaper: { page: { margin: { top: inch(1), right: inch(1), bottom: inch(1), left: inch(1) } }, letterhead: { dateAlign: 'left' } },
}
