// Page breaks in rendered letters: the continuation header, headings kept with their text, widows and
// orphans, and the closing kept whole. Long letters are built here from paragraphs whose every word names its
// paragraph ("p3w17"), so each text line read back from the PDF says which paragraph it belongs to.
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { frontMatter, linesOf, mm, para, render, type Line } from '../helpers/letters.js'
import { classic } from '../../src/theme/classic.js'

const FIXTURES = join(import.meta.dirname, '../fixtures')
const FRONT = frontMatter('from:', '  name: Kim Sample', 'subject: Application', 'date: 2026-11-24')
const letter = (front: string, paragraphs: string[]) =>
  `${front}Dear Sir or Madam,\n\n${paragraphs.join('\n\n')}\n\nSincerely,\nKim Sample\n`
const filler = (count: number, words = 60) => Array.from({ length: count }, (_, k) => para(k, words))

// Classic on A4: where the text column ends, the line pitch and the space between paragraphs.
const BOTTOM = mm(297) - classic.page.margin.bottom
const PITCH = classic.size.body * classic.leading.body
const GAP = classic.space.paragraph

/** The body lines of paragraph `k` (made with para(k, …)). */
const linesOfParagraph = (lines: Line[], k: number | string) => lines.filter((l) => new RegExp(`\\bp${k}w\\d`).test(l.text))
/** How many of a paragraph's lines stand on each page it touches. */
const perPage = (lines: Line[]) => [...new Set(lines.map((l) => l.page))].map((p) => lines.filter((l) => l.page === p).length)

describe('continuation header', () => {
  test('a three-page letter has "Page N of 3" and the sender on pages 2 and 3, nothing on page 1', async () => {
    const { pdf } = await render(letter(FRONT, filler(16)), { theme: 'classic' })
    expect(pdf.pages).toBe(3)
    expect(pdf.text[0]).not.toContain('Page')
    expect(pdf.text[1]).toContain('Page 2 of 3')
    expect(pdf.text[1]).toContain('Kim Sample')
    expect(pdf.text[1]).toContain('Application')
    expect(pdf.text[2]).toContain('Page 3 of 3')
    expect(pdf.text[2]).toContain('Kim Sample')
    // The header stands in the top margin, above the text, its page number flush with the right margin.
    for (const page of [2, 3]) {
      const number = pdf.items.find((i) => i.page === page && i.str.includes(`Page ${page} of 3`))!
      const text = pdf.items.filter((i) => i.page === page && /p\d+w/.test(i.str))
      expect(number.y + number.height).toBeLessThan(classic.page.margin.top)
      expect(number.y).toBeLessThan(Math.min(...text.map((i) => i.y)))
      expect(number.x + number.width).toBeCloseTo(mm(210) - classic.page.margin.right, 0)
    }
  })

  test('a one-page letter has no page number anywhere', async () => {
    const { pdf } = await render(letter(FRONT, filler(2)), { theme: 'classic' })
    expect(pdf.pages).toBe(1)
    expect(pdf.text.join('\n')).not.toMatch(/Page|\bof 1\b/)
  })

  test('in German it reads "Seite 2 von 3"', async () => {
    const { pdf } = await render(letter(frontMatter('from:', '  name: Kim Sample', 'subject: Bewerbung', 'lang: de-DE'), filler(16)), {
      theme: 'classic',
    })
    expect(pdf.pages).toBe(3)
    expect(pdf.text[0]).not.toContain('Seite')
    expect(pdf.text[1]).toContain('Seite 2 von 3')
    expect(pdf.text[2]).toContain('Seite 3 von 3')
    expect(pdf.text.join('\n')).not.toContain('Page')
  })
})

/**
 * What holds on every page break: split paragraphs keep at least two lines on each page, a paragraph that
 * follows another moves whole to the next page only when two of its lines would not fit, and the closing
 * stays together with text of the letter above it.
 */
function expectGoodBreaks(lines: Line[], paragraphs: (number | string)[], label: string) {
  const pages = Math.max(...lines.map((l) => l.page))
  for (const [i, k] of paragraphs.entries()) {
    const own = linesOfParagraph(lines, k)
    expect(own.length, `${label}: paragraph ${k} read back`).toBeGreaterThan(0)
    const counts = perPage(own)
    if (counts.length > 1) for (const n of counts) expect(n, `${label}: paragraph ${k} split ${counts.join('/')}`).toBeGreaterThanOrEqual(2)
    // Moved whole to a new page although two of its lines had room at the foot of the last one?
    const previous = i > 0 ? linesOfParagraph(lines, paragraphs[i - 1]!) : []
    const before = previous.at(-1)
    if (before && own.length >= 4 && own[0]!.page === before.page + 1 && before.page < pages) {
      const baseline = before.y + classic.size.body
      const room = BOTTOM - baseline
      expect(room, `${label}: paragraph ${k} moved whole to page ${own[0]!.page}, leaving ${room.toFixed(0)} pt empty`).toBeLessThan(
        GAP + 2 * PITCH + 8,
      )
    }
  }
}

describe('page breaks', () => {
  test('a heading never ends a page: it stands on the page of the first line after it', async () => {
    const seen = { keptOnFirst: 0, movedToSecond: 0 }
    // Ten filler lengths, half a line apart, walk the heading across the foot of page 1.
    for (let words = 18; words <= 72; words += 6) {
      const paragraphs = [...filler(4, 100), para('x', words), '## Section Heading', para('next', 60)]
      const { pdf } = await render(letter(frontMatter('subject: Application', 'date: 2026-11-24'), paragraphs), { theme: 'classic' })
      const lines = linesOf(pdf.items)
      const heading = lines.find((l) => l.text === 'Section Heading')
      const next = linesOfParagraph(lines, 'next')[0]
      expect(heading, `heading read back (${words} words)`).toBeDefined()
      expect(next!.page, `heading and the text after it (${words} words)`).toBe(heading!.page)
      expect(next!.y).toBeGreaterThan(heading!.y)
      expectGoodBreaks(lines, [0, 1, 2, 3, 'x'], `${words} words`)
      expectGoodBreaks(lines, ['next'], `${words} words`)
      if (heading!.page === 1) seen.keptOnFirst++
      else if (linesOfParagraph(lines, 'x').at(-1)!.page === 1) seen.movedToSecond++
    }
    // The sweep did cross the page break: some headings fit on page 1, others went over with their text.
    expect(seen.keptOnFirst).toBeGreaterThan(0)
    expect(seen.movedToSecond).toBeGreaterThan(0)
  })

  test('paragraphs split across pages leave at least two lines on each page (no widows, no orphans)', async () => {
    let splits = 0
    // Six-line paragraphs; the intro grows a line at a time, so the page break falls at every line of one.
    for (let words = 1; words <= 100; words += 11) {
      const { pdf } = await render(letter(frontMatter('subject: Application', 'date: 2026-11-24'), [para('x', words), ...filler(8, 70)]), {
        theme: 'classic',
      })
      const lines = linesOf(pdf.items)
      expectGoodBreaks(lines, ['x', ...Array.from({ length: 8 }, (_, k) => k)], `${words} words`)
      splits += Array.from({ length: 8 }, (_, k) => perPage(linesOfParagraph(lines, k)).length > 1).filter(Boolean).length
    }
    expect(splits, 'some paragraph was split across a page break').toBeGreaterThan(3)
  })

  // Sweeps rendered once each: the last paragraph grows a line at a time, walking the closing over the foot of
  // page 1; once with room left to sign by hand, once with a signature image.
  type Sweep = { words: number; lines: Line[] }[]
  const sweeps = new Map<string, Promise<Sweep>>()
  const closingSweep = (withSignature: boolean) => {
    const key = String(withSignature)
    if (!sweeps.has(key)) {
      sweeps.set(
        key,
        (async () => {
          const out: Sweep = []
          const front = frontMatter('subject: Application', 'date: 2026-11-24', ...(withSignature ? ['signature: signature.png'] : []))
          for (let words = 40; words <= (withSignature ? 170 : 200); words += 13) {
            const md = letter(front, [...filler(5, 70), para('x', words)]).replace('Kim Sample\n', 'Jordan Signer\n')
            const { pdf } = await render(md, {
              theme: 'classic',
              ...(withSignature && { path: join(FIXTURES, 'kitchen-sink', 'letter.md') }),
            })
            out.push({ words, lines: linesOf(pdf.items) })
          }
          return out
        })(),
      )
    }
    return sweeps.get(key)!
  }

  test.each([false, true])(
    'the closing is never split from the name, never stands alone, never overlaps the text (signature image: %s)',
    async (withSignature) => {
      let closingOnNextPage = 0
      const spacing = new Set<number>()
      for (const { words, lines } of await closingSweep(withSignature)) {
        const phrase = lines.find((l) => l.text === 'Sincerely,')
        const name = lines.find((l) => l.text === 'Jordan Signer')
        expect(phrase, `closing phrase read back (${words} words)`).toBeDefined()
        expect(name, `name read back (${words} words)`).toBeDefined()
        expect(name!.page, `closing and name on one page (${words} words)`).toBe(phrase!.page)
        expect(name!.y).toBeGreaterThan(phrase!.y)
        const above = lines.filter((l) => l.page === phrase!.page && l.y < phrase!.y && /p\w+w\d/.test(l.text))
        expect(above.length, `body lines above the closing on its page (${words} words)`).toBeGreaterThanOrEqual(2)
        // The same distance from the last line of text to the closing, and from the closing to the name, wherever it lands.
        spacing.add(Math.round(phrase!.y - above.at(-1)!.y))
        spacing.add(Math.round(name!.y - phrase!.y) * 1000)
        if (phrase!.page > 1) closingOnNextPage++
      }
      expect(spacing.size, `distinct spacings ${[...spacing].join(', ')}`).toBe(2)
      expect(closingOnNextPage).toBeGreaterThan(0)
    },
  )

  test.each([false, true])(
    'keeping the closing company takes the last lines of a long paragraph along, not the whole paragraph (signature image: %s)',
    async (withSignature) => {
      for (const { words, lines } of await closingSweep(withSignature)) expectGoodBreaks(lines, [0, 1, 2, 3, 4, 'x'], `${words} words`)
    },
  )

  test('a signer of several lines goes with the closing and the last lines of text, wherever the page ends', async () => {
    const signer = ['Jordan Signer', 'Research Engineer', 'ACME GmbH', 'Berlin']
    let moved = 0
    for (let words = 40; words <= 200; words += 16) {
      const md = letter(frontMatter('subject: Application', 'date: 2026-11-24'), [...filler(5, 70), para('x', words)]).replace(
        'Kim Sample\n',
        `${signer.join('\n')}\n`,
      )
      const lines = linesOf((await render(md, { theme: 'classic' })).pdf.items)
      const phrase = lines.find((l) => l.text === 'Sincerely,')!
      for (const text of signer) expect(lines.find((l) => l.text === text)?.page, `${text} (${words} words)`).toBe(phrase.page)
      const above = lines.filter((l) => l.page === phrase.page && l.y < phrase.y && /p\w+w\d/.test(l.text))
      expect(above.length, `body lines above the closing (${words} words)`).toBeGreaterThanOrEqual(2)
      if (phrase.page > 1) moved++
    }
    expect(moved).toBeGreaterThan(0)
  })
})
