// Paper sizes in the PDF: US Letter with the US business-letter block format (one-inch margins, date flush
// left) for US English, A4 with the theme's own margins and a flush-right date elsewhere.
import { describe, expect, test } from 'vitest'
import { classic } from '../../src/theme/classic.js'
import type { PdfFacts } from '../helpers/pdf.js'
import { frontMatter, linesOf, mm, para, render } from '../helpers/letters.js'

const letter = (...front: string[]) =>
  frontMatter('from:', '  name: Kim Sample', 'date: 2026-11-24', ...front) +
  `Dear Sir or Madam,\n\n${para(0, 50)}\n\n${para(1, 40)}\n\nSincerely,\nKim Sample\n`

const date = (pdf: PdfFacts) => {
  const found = pdf.items.find((i) => /^(November 24, 2026|24 November 2026)$/.test(i.str))
  expect(found, `the date among ${JSON.stringify(pdf.items.map((i) => i.str))}`).toBeDefined()
  return found!
}
const bodyLines = (pdf: PdfFacts) => linesOf(pdf.items).filter((l) => /\bp\dw\d/.test(l.text))

describe('US Letter', () => {
  test.each([
    ['lang en-US', letter('lang: en-US'), {}],
    ['lang en-CA', letter('lang: en-CA'), {}],
    ['paper: Letter', letter('paper: Letter'), {}],
    ['the paper option', letter(), { paper: 'Letter' as const }],
  ])('%s: 612 × 792 pt, one-inch margins, the date flush left with the text', async (_, md, options) => {
    const { pdf } = await render(md, { theme: 'classic', ...options })
    expect(pdf.sizes).toEqual([[612, 792]])
    const lines = bodyLines(pdf)
    expect(lines.length).toBeGreaterThan(4)
    for (const line of lines) {
      expect(line.x).toBeGreaterThan(71)
      expect(line.x).toBeLessThan(73)
      expect(line.right).toBeLessThanOrEqual(612 - 72 + 1)
    }
    // The measure is the full 6.5 in: a full line runs close to the right margin.
    expect(Math.max(...lines.map((l) => l.right))).toBeGreaterThan(612 - 72 - 30)
    const salutation = pdf.items.find((i) => i.str === 'Dear Sir or Madam,')!
    expect(salutation.x).toBeCloseTo(72, 0)
    expect(date(pdf).x).toBeCloseTo(72, 0)
    // The letterhead starts an inch from the top.
    const first = pdf.items.reduce((a, b) => (b.y < a.y ? b : a))
    expect(first.y).toBeGreaterThanOrEqual(72 - 1)
    expect(first.y).toBeLessThan(72 + 12)
  })
})

describe('A4', () => {
  test.each([
    ['the paper option over lang en-US', letter('lang: en-US'), { paper: 'A4' as const }],
    ['lang en-GB', letter('lang: en-GB'), {}],
    ['no lang at all', letter(), {}],
  ])("%s: 595 × 842 pt, the theme's margins, the date flush right", async (_, md, options) => {
    const { pdf } = await render(md, { theme: 'classic', ...options })
    expect(pdf.sizes).toEqual([[595, 842]])
    const { left, right } = classic.page.margin
    for (const line of bodyLines(pdf)) {
      expect(line.x).toBeCloseTo(left, 0)
      expect(line.right).toBeLessThanOrEqual(mm(210) - right + 1)
    }
    const d = date(pdf)
    expect(d.x + d.width).toBeCloseTo(mm(210) - right, 0)
    expect(d.x).toBeGreaterThan(mm(105))
  })
})
