// max-pages and fit on whole letters: a letter over its limit fails with its page count; with fit it is shrunk
// (within the theme's bounds) onto the allowed pages and still reads back whole; one that cannot be shrunk
// enough fails saying by how much it overflows.
import { describe, expect, test } from 'vitest'
import { LetterError } from '../../src/index.js'
import { missingInOrder, plainMarkdown, wordsOf } from '../helpers/readback.js'
import { frontMatter, para, rejection, render } from '../helpers/letters.js'

const FRONT = frontMatter(
  'from:',
  '  name: Kim Sample',
  '  email: kim@example.com',
  'to:',
  '  name: Erika Mustermann',
  '  company: Beispiel GmbH',
  '  address: [Musterweg 5, 80331 München]',
  'subject: Application',
  'date: 2026-11-24',
)
const letter = (paragraphs: number, front = FRONT) =>
  `${front}Dear Sir or Madam,\n\n${Array.from({ length: paragraphs }, (_, k) => para(k, 70)).join('\n\n')}\n\nSincerely,\nKim Sample\n`
/** About 1.3 pages in classic. */
const SLIGHTLY_LONG = letter(7)
/** About 4 pages in classic: far more than any shrinking can fit on one. */
const FAR_TOO_LONG = letter(22)
const OVERFLOW = /overflows by \d+ mm \(about \d+ lines?\)/

/** The letter rendered as it is, once per theme. */
const naturals = new Map<string, ReturnType<typeof render>>()
const natural = (theme: string) => {
  if (!naturals.has(theme)) naturals.set(theme, render(SLIGHTLY_LONG, { theme }))
  return naturals.get(theme)!
}
const readsBack = (markdown: string, text: string[]) => missingInOrder(wordsOf(plainMarkdown(markdown)), wordsOf(text.join('\n')))

describe('max-pages without fit', () => {
  test('a letter of about 1.3 pages fails with its page count', async () => {
    expect((await natural('classic')).pdf.pages).toBe(2)
    const error = await rejection(render(SLIGHTLY_LONG, { theme: 'classic', maxPages: 1 }))
    expect(error).toBeInstanceOf(LetterError)
    expect(error.message).toContain('runs to 2 pages')
  })

  test('a limit the letter keeps changes nothing', async () => {
    const limited = await render(SLIGHTLY_LONG, { theme: 'classic', maxPages: 2, fit: true })
    expect(limited.result.pages).toBe(2)
    expect(Buffer.from(limited.result.pdf).equals(Buffer.from((await natural('classic')).result.pdf))).toBe(true)
  })
})

describe('fit', () => {
  test.each(['classic', 'modern'])('%s: a letter of about 1.3 pages fits on one page and reads back whole', async (theme) => {
    expect((await natural(theme)).pdf.pages, 'the letter runs over one page to begin with').toBe(2)
    const { result, pdf } = await render(SLIGHTLY_LONG, { theme, maxPages: 1, fit: true })
    expect(result.pages).toBe(1)
    expect(pdf.pages).toBe(1)
    expect(readsBack(SLIGHTLY_LONG, pdf.text)).toEqual([])
    // Shrunk, not cut: the closing and the name are still there, and no page number (one page) is set.
    expect(pdf.text[0]).toMatch(/Sincerely,\s*\nKim Sample/)
    expect(pdf.text[0]).not.toContain('Page')
    // Still within the page: nothing set past the bottom or the right edge.
    for (const item of pdf.items) {
      expect(item.y + item.height).toBeLessThan(pdf.sizes[0]![1])
      expect(item.x + item.width).toBeLessThan(pdf.sizes[0]![0])
    }
  })

  test('the front matter asks for it as the options do', async () => {
    const md = SLIGHTLY_LONG.replace('date: 2026-11-24', 'date: 2026-11-24\nmax-pages: 1\nfit: true')
    const { result } = await render(md, { theme: 'classic' })
    expect(result.pages).toBe(1)
    expect(result.warnings).toEqual([])
  })

  test('a letter of about four pages fails, saying by how much it overflows', async () => {
    const natural = await render(FAR_TOO_LONG, { theme: 'classic' })
    expect(natural.pdf.pages).toBe(4)
    const error = await rejection(render(FAR_TOO_LONG, { theme: 'classic', maxPages: 1, fit: true }))
    expect(error).toBeInstanceOf(LetterError)
    expect(error.message).toMatch(OVERFLOW)
    expect(error.message).toContain('does not fit on 1 page')
    // Even shrunk (to about 60 % of its length) it runs to more than two pages: the overflow is of the order
    // of a page or more, not a stray line or two, and less than the whole letter.
    const mm = Number(/overflows by (\d+) mm/.exec(error.message)![1])
    const lines = Number(/about (\d+) lines?/.exec(error.message)![1])
    expect(mm).toBeGreaterThan(200)
    expect(mm).toBeLessThan(3 * 297)
    // The line count matches the millimetres at a line pitch of 4–6 mm.
    expect(lines).toBeGreaterThan(mm / 6)
    expect(lines).toBeLessThan(mm / 4)
  })

  test('din5008: the 1.3-page letter fits on one page, and one twice as long fails with the overflow', async () => {
    const md = SLIGHTLY_LONG.replace('date: 2026-11-24', 'date: 2026-11-24\nlang: de-DE')
    const fitted = await render(md, { theme: 'din5008', maxPages: 1, fit: true })
    expect(fitted.result.pages).toBe(1)
    expect(readsBack(md, fitted.pdf.text)).toEqual([])
    const body = md.slice(md.indexOf('\n---\n') + 5)
    const twice = md + body
    const error = await render(twice, { theme: 'din5008', maxPages: 1, fit: true }).then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    expect(error).toBeInstanceOf(LetterError)
    expect(error!.message).toMatch(OVERFLOW)
  })
})
