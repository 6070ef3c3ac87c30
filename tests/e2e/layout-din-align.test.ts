// DIN 5008 form B aligns its left edge: the address field stands 20 mm from the sheet's edge with a 5 mm inner
// margin, so the return address and the recipient start on the 25 mm line of the letterhead, subject and body;
// the sender's address stands in the letterhead too, not only in the small return-address line.
import { beforeAll, describe, expect, test } from 'vitest'
import type { PdfFacts } from '../helpers/pdf.js'
import { frontMatter, mm, render, type Item } from '../helpers/letters.js'

const FRONT = frontMatter(
  'from:',
  '  name: Kim Sample',
  '  address:',
  '    - Hauptstraße 1',
  '    - 10115 Berlin',
  '  phone: "+49 30 1234567"',
  'to:',
  '  name: Erika Mustermann',
  '  company: Beispiel GmbH',
  '  address:',
  '    - Musterweg 5',
  '    - 80331 München',
  'date: 2026-11-24',
  'lang: de-DE',
  'subject: Bewerbung als Entwicklerin',
)
const LETTER = `${FRONT}Sehr geehrte Frau Mustermann,\n\nmit großem Interesse habe ich Ihre Anzeige gelesen.\n\nMit freundlichen Grüßen\nKim Sample\n`
const LINE = mm(25)

describe('DIN 5008 form B: one left edge', () => {
  let pdf: PdfFacts
  const find = (str: string): Item[] => pdf.items.filter((i) => i.page === 1 && i.str === str)
  const one = (str: string): Item => {
    const [found] = find(str)
    expect(found, `"${str}" among ${JSON.stringify(pdf.items.map((i) => i.str))}`).toBeDefined()
    return found!
  }
  beforeAll(async () => {
    pdf = (await render(LETTER, { theme: 'din5008' })).pdf
  })

  test('return address, recipient, letterhead name, subject and body all start at 25.0 mm', () => {
    const lefts = [
      'Kim Sample · Hauptstraße 1 · 10115 Berlin',
      'Erika Mustermann',
      'Beispiel GmbH',
      'Musterweg 5',
      '80331 München',
      'Bewerbung als Entwicklerin',
      'Sehr geehrte Frau Mustermann,',
    ]
    for (const str of lefts) expect((one(str).x * 25.4) / 72, str).toBeCloseTo(25, 1)
    const name = find('Kim Sample').sort((a, b) => a.y - b.y)[0]!
    expect(name.x).toBeCloseTo(LINE, 0)
  })

  test("the sender's address stands in the letterhead, above the address field", () => {
    for (const line of ['Hauptstraße 1', '10115 Berlin']) {
      const item = one(line)
      expect(item.y + item.height, line).toBeLessThan(mm(45))
      expect(item.x + item.width, line).toBeLessThanOrEqual(mm(210 - 20) + 0.5)
    }
  })
})
