// Every built-in theme renders the repository's own letters and the plain-letter fixture: real embedded fonts
// only, every word of the body read back in order, nothing set outside the page.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { missingInOrder, plainMarkdown, wordsOf } from '../helpers/readback.js'
import { render } from '../helpers/letters.js'

const root = join(import.meta.dirname, '../..')
const letters = [
  ...readdirSync(join(root, 'letters'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('letters', f)),
  'tests/fixtures/plain-letter/input.md',
]
const themes = ['classic', 'modern', 'din5008']

describe.each(themes)('theme %s', (theme) => {
  test.each(letters)('%s', async (file) => {
    const path = join(root, file)
    const markdown = readFileSync(path, 'utf8')
    const { result, pdf } = await render(markdown, { path, theme })
    expect(result.pages).toBe(pdf.pages)
    // The only warning allowed: a DIN letter on paper other than A4 (letters/research-engineer.md asks for Letter);
    // a CV goes in no window envelope.
    const expected =
      theme === 'din5008' && result.meta.paper !== 'A4' && result.meta.layout !== 'cv'
        ? ['theme "din5008" places the address for an A4 window envelope, but the paper is Letter']
        : []
    expect(result.warnings.map((w) => w.message)).toEqual(expected)

    expect(pdf.fonts.length).toBeGreaterThan(0)
    for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true })
    expect(pdf.fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica|Times|Courier/)

    expect(missingInOrder(wordsOf(plainMarkdown(markdown)), wordsOf(pdf.text.join('\n')))).toEqual([])

    for (const item of pdf.items) {
      const [width, height] = pdf.sizes[item.page - 1]!
      expect(item.x, item.str).toBeGreaterThanOrEqual(0)
      expect(item.x + item.width, item.str).toBeLessThanOrEqual(width)
      expect(item.y, item.str).toBeGreaterThanOrEqual(0)
      expect(item.y + item.height, item.str).toBeLessThanOrEqual(height)
    }
  })
})
