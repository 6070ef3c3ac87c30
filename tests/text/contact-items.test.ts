// A contact item (a phone number, "10969 Berlin") is one unit in the plain-text twin: lines wrap between items, never inside one.
import { describe, expect, test } from 'vitest'
import { render } from '../helpers/letters.js'

const FROM = `from:
  name: Lena Vogt
  address: [Oranienstraße 5, 10969 Berlin]
  email: lena@example.com
  phone: +49 89 1234 5678
`
const ITEMS = ['Oranienstraße 5', '10969 Berlin', 'lena@example.com', '+49 89 1234 5678']

/** A source's twin at `txtWrap` columns, as lines. */
const lines = async (markdown: string, txtWrap: number) => (await render(markdown, { txt: true, txtWrap })).result.text!.split('\n')

describe('contact items in the plain-text twin', () => {
  test.each([30, 60])("a CV's contact line wraps between items only (at %i columns)", async (wrap) => {
    const text = await lines(`---\nlayout: cv\n${FROM}---\n\n## Skills\n\n- Languages\n`, wrap)
    for (const item of ITEMS)
      expect(
        text.some((line) => line.includes(item)),
        item,
      ).toBe(true)
    // Wrapped indeed: the items are on more than one line, each within the width.
    const contact = text.filter((line) => ITEMS.some((item) => line.includes(item)))
    expect(contact.length).toBeGreaterThan(1)
    for (const line of contact) expect(line.length, line).toBeLessThanOrEqual(wrap)
  })

  test("the letterhead's items stand whole on their lines, even when longer than the width", async () => {
    const text = await lines(`---\n${FROM}---\n\nDear Sam,\n\nHello.\n\nBest regards,\nLena Vogt\n`, 12)
    for (const item of ITEMS) expect(text, item).toContain(item)
  })
})
