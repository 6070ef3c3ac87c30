// DIN 5008 form B, measured in the PDF: the address shows through a DL window envelope, the information block
// stands beside it, the text starts at the form's body line, and the fold and hole marks are drawn.
import { beforeAll, describe, expect, test } from 'vitest'
import type { PdfFacts } from '../helpers/pdf.js'
import { frontMatter, linesOf, mm, paintedPaths, para, render, type Item, type PaintedPath } from '../helpers/letters.js'

const FRONT = frontMatter(
  'from:',
  '  name: Kim Sample',
  '  address: [Hauptstraße 1, 10115 Berlin]',
  '  phone: "+49 30 1234567"',
  '  email: kim@example.com',
  'to:',
  '  name: Erika Mustermann',
  '  company: Beispiel GmbH',
  '  address: [Abteilung Personal, Musterweg 5, 80331 München]',
  'date: 2026-11-24',
  'lang: de-DE',
  'subject: Bewerbung als Entwicklerin',
)
const RECIPIENT = ['Erika Mustermann', 'Beispiel GmbH', 'Abteilung Personal', 'Musterweg 5', '80331 München']
const RETURN_ADDRESS = 'Kim Sample · Hauptstraße 1 · 10115 Berlin'
const letter = (paragraphs: string[]) =>
  `${FRONT}Sehr geehrte Frau Mustermann,\n\n${paragraphs.join('\n\n')}\n\nMit freundlichen Grüßen\nKim Sample\n`

// The window of a DL envelope: 20 mm from the left edge, 85 mm wide, from 45 mm down; the recipient's lines
// below the 17.7 mm return-address and notes zone.
const WINDOW = { left: mm(20), right: mm(105), top: mm(45), notesBottom: mm(45 + 17.7), bottom: mm(90) }
const TOL = 0.5

const item = (pdf: PdfFacts, str: string, page = 1): Item => {
  const found = pdf.items.find((i) => i.page === page && i.str === str)
  expect(
    found,
    `"${str}" on page ${page} among ${JSON.stringify(pdf.items.filter((i) => i.page === page).map((i) => i.str))}`,
  ).toBeDefined()
  return found!
}
/** A short horizontal mark at the sheet's left edge whose line passes within 1 pt of `y` (from the top). */
const markAt = (paths: PaintedPath[], y: number) =>
  paths.filter((p) => p.left < 1 && p.right < mm(15) && p.bottom - p.top < 3 && p.top <= y + 1 && p.bottom >= y - 1)

describe('DIN 5008 (form B) on A4', () => {
  let pdf: PdfFacts
  let bytes: Uint8Array
  beforeAll(async () => {
    const out = await render(letter([para(0, 40), para(1, 30)]), { theme: 'din5008' })
    pdf = out.pdf
    bytes = out.result.pdf
  })

  test('is one A4 page', () => {
    expect(pdf.pages).toBe(1)
    expect(pdf.sizes[0]).toEqual([595, 842])
  })

  test('every recipient line lies inside the window, below the return-address zone', () => {
    const lines = RECIPIENT.map((line) => item(pdf, line))
    for (const [i, line] of lines.entries()) {
      const where = `${line.str}: x ${((line.x * 25.4) / 72).toFixed(1)} mm, top ${((line.y * 25.4) / 72).toFixed(1)} mm`
      expect(line.x, where).toBeGreaterThanOrEqual(WINDOW.left - TOL)
      expect(line.x + line.width, where).toBeLessThanOrEqual(WINDOW.right + TOL)
      expect(line.y, where).toBeGreaterThanOrEqual(WINDOW.notesBottom - TOL)
      expect(line.y + line.height, where).toBeLessThanOrEqual(WINDOW.bottom + TOL)
      // In the order written, one under the other, flush left.
      if (i > 0) {
        expect(line.y).toBeGreaterThan(lines[i - 1]!.y + 5)
        expect(line.x).toBeCloseTo(lines[0]!.x, 0)
      }
    }
  })

  test('the return address stands above the recipient, inside the address field, and smaller', () => {
    const back = item(pdf, RETURN_ADDRESS)
    const name = item(pdf, RECIPIENT[0]!)
    expect(back.y).toBeGreaterThanOrEqual(WINDOW.top - TOL)
    // Its baseline (the item's bottom) still inside the notes zone.
    expect(back.y + back.height).toBeLessThanOrEqual(WINDOW.notesBottom + TOL)
    expect(back.y).toBeLessThan(name.y)
    expect(back.x).toBeGreaterThanOrEqual(WINDOW.left - TOL)
    expect(back.x + back.width).toBeLessThanOrEqual(WINDOW.right + TOL)
    expect(back.height).toBeLessThan(name.height)
  })

  test('the information block starts at 125 mm across and 50 mm down, with German labels and date', () => {
    const rows = [
      ['Telefon', '+49 30 1234567'],
      ['E-Mail', 'kim@example.com'],
      ['Datum', '24. November 2026'],
    ] as const
    const first = item(pdf, 'Telefon')
    expect(first.x).toBeCloseTo(mm(125), 0)
    expect(Math.abs(first.y - mm(50))).toBeLessThan(mm(1))
    let above = -Infinity
    for (const [label, value] of rows) {
      const l = item(pdf, label)
      const v = item(pdf, value)
      expect(l.x, label).toBeCloseTo(mm(125), 0)
      expect(l.y, label).toBeGreaterThan(above)
      // The value on the label's row (baselines within 1.5 pt: label and value are top-aligned in different
      // sizes, about 1 pt apart), to its right, inside the sheet's right margin.
      expect(Math.abs(v.y + v.height - (l.y + l.height)), value).toBeLessThan(1.5)
      expect(v.x, value).toBeGreaterThan(l.x + l.width)
      expect(v.x + v.width, value).toBeLessThanOrEqual(mm(210 - 20) + TOL)
      above = l.y
    }
    // The date appears once: in the block, not again as a date line over the text.
    expect(pdf.items.filter((i) => i.str.includes('November 2026'))).toHaveLength(1)
    expect(pdf.text[0]).not.toMatch(/\bPhone\b|\bEmail\b|\bDate\b/)
  })

  test('the text starts below the body line at 98.5 mm, at the 25 mm left margin', () => {
    const subject = item(pdf, 'Bewerbung als Entwicklerin')
    const salutation = item(pdf, 'Sehr geehrte Frau Mustermann,')
    expect(subject.y).toBeGreaterThanOrEqual(mm(98))
    expect(salutation.y).toBeGreaterThan(subject.y)
    for (const line of linesOf(pdf.items).filter((l) => /p\dw/.test(l.text))) {
      expect(line.y).toBeGreaterThan(salutation.y)
      expect(line.x).toBeCloseTo(mm(25), 0)
    }
    expect(salutation.x).toBeCloseTo(mm(25), 0)
  })

  test('the letterhead name stays above the address field', () => {
    const name = pdf.items.find((i) => i.str === 'Kim Sample' && i.y < WINDOW.top)
    expect(name, 'sender name in the letterhead').toBeDefined()
    expect(name!.y + name!.height).toBeLessThanOrEqual(WINDOW.top)
  })

  test('fold marks at 105 and 210 mm and the hole mark at 148.5 mm are drawn at the left edge', async () => {
    const paths = await paintedPaths(bytes, 1)
    const fold1 = markAt(paths, mm(105))
    const fold2 = markAt(paths, mm(210))
    const hole = markAt(paths, mm(148.5))
    expect(fold1, 'fold mark at 105 mm').not.toHaveLength(0)
    expect(fold2, 'fold mark at 210 mm').not.toHaveLength(0)
    expect(hole, 'hole mark at 148.5 mm').not.toHaveLength(0)
    // The hole mark is the longer one, so a hole punch can be centred on it.
    expect(Math.max(...hole.map((p) => p.right))).toBeGreaterThan(Math.max(...fold1.map((p) => p.right)))
  })
})

describe('DIN 5008 beyond the first page', () => {
  test('page 2 starts at the top margin with a continuation header, and carries no address field or marks', async () => {
    const { pdf, result } = await render(letter(Array.from({ length: 9 }, (_, k) => para(k, 70))), { theme: 'din5008' })
    expect(pdf.pages).toBe(2)
    expect(pdf.text[0]).not.toContain('Seite')
    expect(pdf.text[1]).toContain('Seite 2 von 2')
    const body2 = linesOf(pdf.items.filter((i) => i.page === 2 && /p\d+w/.test(i.str)))
    expect(body2[0]!.y).toBeLessThan(mm(30))
    expect(pdf.items.filter((i) => i.page === 2 && RECIPIENT.includes(i.str))).toHaveLength(0)
    const paths = await paintedPaths(result.pdf, 2)
    expect(markAt(paths, mm(105))).toHaveLength(0)
  })

  test('a six-line recipient, the most the form allows, still fits in the window', async () => {
    const six = ['Frau Dr. Erika Mustermann', 'Leiterin Personal', 'Beispiel GmbH', 'Abteilung Personal', 'Musterweg 5', '80331 München']
    const front = FRONT.replace(
      /to:\n[\s\S]*?\ndate:/,
      `to:\n  name: ${six[0]}\n  title: ${six[1]}\n  company: ${six[2]}\n  address: [${six.slice(3).join(', ')}]\ndate:`,
    )
    const { pdf } = await render(`${front}Sehr geehrte Frau Mustermann,\n\n${para(0, 30)}\n\nMit freundlichen Grüßen\nKim Sample\n`, {
      theme: 'din5008',
    })
    for (const line of six.map((l) => item(pdf, l))) {
      expect(line.y, line.str).toBeGreaterThanOrEqual(WINDOW.notesBottom - TOL)
      expect(line.y + line.height, line.str).toBeLessThanOrEqual(WINDOW.bottom + TOL)
      expect(line.x + line.width, line.str).toBeLessThanOrEqual(WINDOW.right + TOL)
    }
  })

  test('a classic letter draws no fold marks (the mark finder is specific)', async () => {
    const { result } = await render(letter([para(0, 40)]), { theme: 'classic' })
    const paths = await paintedPaths(result.pdf, 1)
    expect(paths.length).toBeGreaterThan(0) // the letterhead rule
    expect(markAt(paths, mm(105))).toHaveLength(0)
    expect(markAt(paths, mm(148.5))).toHaveLength(0)
  })

  test('a letter shrunk by fit keeps the form: the address in the window, the text below the body line', async () => {
    const { pdf, result } = await render(letter(Array.from({ length: 6 }, (_, k) => para(k, 70))), {
      theme: 'din5008',
      maxPages: 1,
      fit: true,
    })
    expect(result.pages).toBe(1)
    for (const line of RECIPIENT.map((l) => item(pdf, l))) {
      expect(line.x).toBeGreaterThanOrEqual(WINDOW.left - TOL)
      expect(line.x + line.width).toBeLessThanOrEqual(WINDOW.right + TOL)
      expect(line.y).toBeGreaterThanOrEqual(WINDOW.notesBottom - TOL)
      expect(line.y + line.height).toBeLessThanOrEqual(WINDOW.bottom + TOL)
    }
    expect(item(pdf, 'Telefon').x).toBeCloseTo(mm(125), 0)
    expect(item(pdf, 'Bewerbung als Entwicklerin').y).toBeGreaterThanOrEqual(mm(98))
    const paths = await paintedPaths(result.pdf, 1)
    expect(markAt(paths, mm(105))).not.toHaveLength(0)
  })
})
