import { classic } from './classic.js'
import type { Theme } from './schema.js'
import { mm } from './units.js'

/** A sans face, an accent band across the top of the first page, small-caps section heads, a tighter rhythm. */
export const modern: Theme = {
  ...classic,
  name: 'modern',
  page: { margin: { top: mm(22), right: mm(22), bottom: mm(18), left: mm(22) }, headerOffset: mm(8) },
  fonts: { ...classic.fonts, body: 'Noto Sans', heading: 'Noto Sans' },
  size: { body: 10, small: 8, code: 8.5, name: 22, title: 12.5, heading: [12.5, 9.5, 10, 10, 10, 10], footnoteMark: 6.5, cvName: 26 },
  leading: { body: 1.38, heading: 1.2, tight: 1.22 },
  colors: {
    ...classic.colors,
    text: '#202124',
    muted: '#5f6368',
    accent: '#0b6e69',
    link: '#0b6e69',
    rule: '#0b6e69',
    quoteBar: '#0b6e69',
    band: '#0b6e69',
  },
  space: {
    ...classic.space,
    paragraph: 6,
    headingBefore: 9,
    headingAfter: 3,
    letterhead: 16,
    addressBlock: 14,
    subject: 12,
    closing: 12,
    cvHeader: 14,
    entry: 8,
    entryAfter: 3,
  },
  heading: { uppercase: true, letterSpacing: 0.8 },
  letterhead: { style: 'band', bandHeight: mm(5), ruleWidth: 1.5, dateAlign: 'right' },
}
