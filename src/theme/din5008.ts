import { classic } from './classic.js'
import type { Theme } from './schema.js'
import { mm } from './units.js'

/**
 * German business letter per DIN 5008, form B: the recipient's address in the field a DL window envelope
 * shows (85 × 45 mm, 20 mm from the left edge, top at 45 mm; its lines start 5 mm in, at 25 mm, the alignment
 * line of the letterhead, subject and body), the information block beside it at 125 mm, fold marks at 105 and
 * 210 mm and the hole mark at 148.5 mm.
 */
export const din5008: Theme = {
  ...classic,
  name: 'din5008',
  page: { margin: { top: mm(20), right: mm(20), bottom: mm(20), left: mm(25) }, headerOffset: mm(8) },
  fonts: { ...classic.fonts, body: 'Noto Sans', heading: 'Noto Sans' },
  size: { body: 10.5, small: 8, code: 9, name: 15, title: 11, heading: [11, 10.5, 10.5, 10.5, 10.5, 10.5], footnoteMark: 7, cvName: 20 },
  leading: { body: 1.35, heading: 1.2, tight: 1.2 },
  colors: { ...classic.colors, accent: '#1a1a1a', link: '#1a1a1a', rule: '#9a9a9a', band: '#1a1a1a' },
  space: { ...classic.space, paragraph: 6, headingBefore: 8, headingAfter: 3, subject: 12, closing: 12, entry: 8, entryAfter: 5 },
  // A German Lebenslauf sets its sections apart with a hairline (the headings are the body's size).
  rule: { ...classic.rule, cvSection: 0.6 },
  letterhead: { style: 'rule', bandHeight: 0, ruleWidth: 0, dateAlign: 'left' },
  din: {
    addressField: { left: mm(20), top: mm(45), width: mm(85), height: mm(45) },
    // The field's 5 mm inner margin puts its lines on the 25 mm line where the letterhead, subject and body start.
    addressInset: mm(5),
    notesZone: mm(17.7),
    infoBlock: { left: mm(125), top: mm(50), width: mm(75) },
    foldMarks: [mm(105), mm(210)],
    holeMark: mm(148.5),
    markLength: mm(5),
    bodyTop: mm(98.5),
  },
  // DIN 5008 keeps at least 25 mm on the left (for filing) and 20 mm on the right, however tightly fitted.
  fit: { ...classic.fit, minMargin: { top: mm(15), right: mm(20), bottom: mm(15), left: mm(25) } },
  letterPaper: undefined,
}
