// A CV (layout: cv) read back from its PDF: the words in the source's order, each entry's dates flush right on
// the entry's own baseline, clickable contact links, the name and "Page 2 of 2" on the second page, entries
// never parted from their first bullet at a page end, every theme, max-pages and --fit, and placed errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { checkPdf } from '../../src/check/index.js'
import { LetterError } from '../../src/index.js'
import { PAPER_WIDTH } from '../../src/theme/units.js'
import { themes } from '../../src/theme/index.js'
import { frontMatter, linesOf, para, rejection, render, type Item } from '../helpers/letters.js'
import { readBacks } from '../helpers/extractors.js'
import { missingInOrder, plainMarkdown, wordsOf } from '../helpers/readback.js'

const FRONT = frontMatter(
  'layout: cv',
  'from: { name: Ada Lindqvist, email: ada@example.com, phone: "+46 70 123 45 67", links: [github.com/ada] }',
)

/** The issue's example, extended to three sections with entries under each. */
const CV = `${FRONT}## Experience

### Research Engineer, Northwind Labs
2023 – present · Stockholm

- Built interpretability tooling used by 40 researchers
- Ran evaluation pipelines on 256 GPUs

### Machine Learning Engineer, Fjord Analytics
2020-01 – 2022-12 | Gothenburg

Moved nightly model reports from notebooks to a tested service.

## Education

### M.Sc. Computer Science, KTH
2016 – 2018

## Skills

- **Languages:** Python, TypeScript, Rust
`

/** A CV of `entries` entries, each a title, a date line and two bullets of filler, after an intro of `intro` words. */
const longCv = (entries: number, intro = 40) =>
  `${FRONT}${para('intro', intro)}\n\n## Experience\n\n` +
  Array.from(
    { length: entries },
    (_, k) => `### Entry ${k} title\n${2000 + k} – ${2001 + k} · Place${k}\n\n- ${para(`a${k}`, 24)}\n- ${para(`b${k}`, 12)}\n`,
  ).join('\n')

/** The text item that starts with `text` (on any page). */
const itemOf = (items: Item[], text: string) => {
  const found = items.find((i) => i.str.startsWith(text))
  if (!found) throw new Error(`no text item starts with "${text}"`)
  return found
}
/** Where the glyphs of an item stand: its top plus its height (pdf.js measures both from the font's size). */
const baseline = (item: Item) => item.y + item.height

describe('a CV in Markdown', () => {
  test('reads back word for word in the source order, and `check` passes', async () => {
    const { result } = await render(CV)
    const report = await checkPdf(result.pdf, { source: CV, letterPages: result.letterPages })
    expect(result.title).toBe('Ada Lindqvist – CV')
    expect(report.wordProblems).toEqual([])
    expect(report.words).toMatchObject({ score: 1 })
    expect(report.ok).toBe(true)
  })

  test('the name and one contact line open the first page, in the body; no letter parts are set', async () => {
    const { pdf, result } = await render(CV)
    const lines = linesOf(pdf.items).filter((l) => l.page === 1)
    expect(lines[0]!.text).toBe('Ada Lindqvist')
    expect(lines[1]!.text.replace(/\s+/g, ' ')).toBe('ada@example.com · +46 70 123 45 67 · github.com/ada')
    expect(lines[2]!.text).toBe('Experience')
    expect(result.pages).toBe(1)
    // No date line, salutation or closing: the first page holds the source's text and the head only.
    expect(pdf.text.join(' ')).not.toMatch(/\b(20\d\d-\d\d-\d\d|November|Dear|Sincerely)\b/)
    expect(result.title).toBe('Ada Lindqvist – CV')
    expect(result.author).toBe('Ada Lindqvist')
  })

  test("an entry's title and its dates stand on one baseline, the dates' right edge at the right margin", async () => {
    const { pdf } = await render(CV, { theme: 'classic' })
    const right = PAPER_WIDTH.A4 - themes.classic!.page.margin.right
    for (const [title, dates] of [
      ['Research Engineer, Northwind Labs', '2023 – present · Stockholm'],
      ['Machine Learning Engineer, Fjord Analytics', '2020-01 – 2022-12 | Gothenburg'],
      ['M.Sc. Computer Science, KTH', '2016 – 2018'],
    ] as const) {
      const t = itemOf(pdf.items, title)
      const d = itemOf(pdf.items, dates)
      expect(Math.abs(baseline(t) - baseline(d)), title).toBeLessThan(0.3)
      expect(Math.abs(d.x + d.width - right), title).toBeLessThan(0.5)
      expect(d.x, title).toBeGreaterThan(t.x + t.width)
    }
  })

  test('claims PDF/A-2a like a letter: tagged, its fonts embedded, titled with the name', async () => {
    const { result, pdf } = await render(CV)
    const raw = Buffer.from(result.pdf).toString('latin1')
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/)
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/)
    expect(pdf.info).toMatchObject({ Title: 'Ada Lindqvist – CV', Author: 'Ada Lindqvist' })
    for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true })
  })

  test('email, phone and links are clickable: mailto, tel and https annotations', async () => {
    const { pdf } = await render(CV)
    expect(pdf.links.map((l) => l.url)).toEqual(['mailto:ada@example.com', 'tel:+46701234567', 'https://github.com/ada'])
    // All three on the one contact line under the name.
    const contact = linesOf(pdf.items).find((l) => l.text.includes('ada@example.com'))!
    expect(contact.text).toContain('+46 70 123 45 67')
    expect(contact.text).toContain('github.com/ada')
  })

  test('page 2 carries the name and "Page 2 of 2" above the text; page 1 no page number', async () => {
    const { pdf, result } = await render(longCv(10))
    expect(result.pages).toBe(2)
    const top = themes.classic!.page.margin.top
    const header = linesOf(pdf.items).filter((l) => l.page === 2 && l.y < top)
    expect(header.map((l) => l.text.replace(/\s+/g, ' '))).toEqual(['Ada Lindqvist Page 2 of 2'])
    expect(pdf.text[0]).not.toContain('Page 1')
    expect(linesOf(pdf.items).filter((l) => l.page === 1 && l.y < top)).toEqual([])
    expect(pdf.info.Title).toBe('Ada Lindqvist – CV')
  })

  test('the din5008 theme and lang: de-DE set "Seite 2 von 2"', async () => {
    const { pdf } = await render(longCv(10).replace('layout: cv', 'layout: cv\nlang: de-DE\ntheme: din5008'))
    expect(pdf.text[1]).toContain('Seite 2 von 2')
    // The CV has none of the DIN letter's form: no information block with its labels.
    expect(pdf.text[0]).not.toMatch(/Telefon|E-Mail|Datum/)
  })

  test('an entry heading is never the last line of a page without its first bullet', async () => {
    // Intros of different lengths move every entry through the foot of the page.
    for (const intro of [0, 20, 40, 60, 80, 100, 120, 140]) {
      const { pdf } = await render(longCv(9, intro))
      const top = themes.classic!.page.margin.top
      const body = linesOf(pdf.items).filter((l) => l.y >= top)
      for (let page = 1; page < pdf.pages; page++) {
        const last = body.filter((l) => l.page === page).at(-1)!
        expect(last.text, `intro ${intro}, page ${page}`).not.toMatch(/^Entry \d+ title/)
      }
      // Every entry's line has its first bullet on the same page.
      for (let k = 0; k < 9; k++) {
        const title = body.find((l) => l.text.startsWith(`Entry ${k} title`))!
        const bullet = body.find((l) => l.text.includes(`pa${k}w0`))!
        expect(bullet.page, `intro ${intro}, entry ${k}`).toBe(title.page)
      }
    }
  })

  test.each(Object.keys(themes))(
    '%s: a long dates-and-place line leaves the title its width and stands flush right under it',
    async (theme) => {
      const md = `${frontMatter('layout: cv', 'from: Rui Costa')}## Experience\n\n### Senior Software Engineer, Platform Infrastructure Group\nSeptember 2019 – present · San Francisco Bay Area, California, United States\n\n- Built things\n`
      const { pdf } = await render(md, { theme })
      const right = PAPER_WIDTH.A4 - themes[theme]!.page.margin.right
      const lines = linesOf(pdf.items)
      expect(lines.map((l) => l.text.replace(/\s+/g, ' ').trim())).toContain('Senior Software Engineer, Platform Infrastructure Group')
      const t = itemOf(pdf.items, 'Senior Software Engineer')
      const d = pdf.items.find((i) => i.str.includes('September 2019'))!
      expect(baseline(d)).toBeGreaterThan(baseline(t) + 1)
      expect(Math.abs(d.x + d.width - right)).toBeLessThan(0.5)
    },
  )

  test.each(Object.keys(themes))(
    '%s: short consecutive entries read back each with its dates, with pdfminer.six and pdftotext -raw',
    async (theme) => {
      const md = `${frontMatter('layout: cv', 'from: Eva Novak')}## Awards\n\n### Best Paper, ICML\n2021\n\n### Teaching Prize, ETH\n2019\n\n### Scholarship, DAAD\n2016 – 2018\n`
      const { result } = await render(md, { theme })
      const file = join(mkdtempSync(join(tmpdir(), 'letterpress-cv-')), 'cv.pdf')
      writeFileSync(file, result.pdf)
      for (const { command, text } of readBacks(file, 'short entries', '-raw')) {
        // Every word in the source's order exactly: a date read after the next title would break the sequence.
        expect(wordsOf(text), command).toEqual(['eva', 'novak', ...wordsOf(plainMarkdown(md).replace(/^#+ /gm, ''))])
      }
    },
  )

  test('dates with a day are dates; the place keeps its separator as written and its link, in the PDF and the twin', async () => {
    const md = `${frontMatter('layout: cv', 'from: Ana Pappas')}## Experience\n\n### Engineer, Acme\n2021-03-15 – present | [Acme Labs](https://acme.example)\n\n- Did things\n\n### Intern, Beta\n2016-07-01 — *Remote*\n`
    const { pdf, result } = await render(md, { txt: true })
    const lines = linesOf(pdf.items).map((l) => l.text.replace(/\s+/g, ' ').trim())
    expect(lines).toContain('Engineer, Acme 2021-03-15 – present | Acme Labs')
    expect(lines).toContain('Intern, Beta 2016-07-01 — Remote')
    expect(pdf.links.map((l) => l.url)).toEqual(['https://acme.example/'])
    expect(result.text).toContain('2021-03-15 – present | Acme Labs <https://acme.example>')
    expect(result.text).toContain('2016-07-01 — Remote')
  })

  test('a section heading never ends a page, an empty one kept with the next section; the empty one is warned about at its line', async () => {
    const tail = '## Publications\n\n## Education\n\n### M.Sc. Computer Science, KTH\n2016 – 2018\n\n- Thesis on attributions\n'
    const sections = /^(Experience|Publications|Education)$/
    const warnings: unknown[] = []
    const lines: unknown[] = []
    for (let intro = 0; intro <= 300; intro += 12) {
      const md = `${longCv(7, intro)}\n${tail}`
      const { pdf, result } = await render(md)
      const top = themes.classic!.page.margin.top
      const body = linesOf(pdf.items).filter((l) => l.y >= top)
      for (let page = 1; page < pdf.pages; page++) {
        const last = body.filter((l) => l.page === page).at(-1)!
        expect(last.text.trim(), `intro ${intro}, page ${page}`).not.toMatch(sections)
      }
      const line = md.split('\n').indexOf('## Publications') + 1
      warnings.push(...result.warnings.map((w) => [w.message, w.line, w.column]))
      lines.push([`section "Publications" is empty: write its entries (### …) or text under it, or remove it`, line, 1])
    }
    expect(warnings).toEqual(lines)
  })

  test('a CV without from.name is warned about at its front matter; a `# Name` opening it is its name, Author and Title', async () => {
    const body = '## Experience\n\n### Engineer, Acme\n2020 – 2021\n\n- Built things\n'
    const bare = await render(frontMatter('layout: cv', 'from: { email: jane@example.com }') + body)
    expect(bare.result.warnings.map((w) => [w.message, w.line, w.column])).toEqual([
      [
        'a CV without from.name has no name at the top (nor an Author for `check`); add from: { name: … } or open it with a # Name heading',
        3,
        7,
      ],
    ])
    const md = frontMatter('layout: cv', 'from: { email: jane@example.com }') + '# Jane Roe\n\n' + body
    const { result, pdf } = await render(md)
    expect(result.warnings).toEqual([])
    const lines = linesOf(pdf.items)
    expect(lines.map((l) => l.text.replace(/\s+/g, ' ').trim()).slice(0, 3)).toEqual(['Jane Roe', 'jane@example.com', 'Experience'])
    // Set as the CV's name, not as a heading of its text.
    expect(itemOf(pdf.items, 'Jane Roe').height).toBeCloseTo(themes.classic!.size.cvName, 0)
    expect(pdf.info).toMatchObject({ Title: 'Jane Roe – CV', Author: 'Jane Roe' })
    const report = await checkPdf(result.pdf, { source: md, letterPages: result.letterPages })
    expect(report.metadataMissing).toEqual([])
    expect(report.ok).toBe(true)
  })

  test("a CV's subject does nothing, not even as its Title when it has no name; the warnings stand in line order", async () => {
    const md =
      frontMatter('layout: cv', 'subject: Application', 'to: Northwind Labs') + '## Experience\n\n### Engineer, Acme\n2020 – 2021\n'
    const { result, pdf } = await render(md)
    expect(pdf.info.Subject).toBeUndefined()
    expect(pdf.info.Title).not.toBe('Application')
    expect(result.warnings.filter((w) => w.message.startsWith('field')).map((w) => [w.message, w.line])).toEqual([
      ['field "subject" does nothing in a CV (layout: cv), which has no letter parts', 3],
      ['field "to" does nothing in a CV (layout: cv), which has no letter parts', 4],
    ])
  })

  test.each(Object.keys(themes))('%s: the example CV reads back in source order with pdftotext -raw and pdfminer.six', async (theme) => {
    const path = join(import.meta.dirname, '../../letters/cv.md')
    const markdown = readFileSync(path, 'utf8')
    const { result } = await render(markdown, { path, theme })
    const file = join(mkdtempSync(join(tmpdir(), 'letterpress-cv-')), 'cv.pdf')
    writeFileSync(file, result.pdf)
    for (const { command, text } of readBacks(file, 'the CV', '-raw')) {
      expect(missingInOrder(wordsOf(plainMarkdown(markdown)), wordsOf(text)), command).toEqual([])
      // pdftotext follows a line across the page: the entry's title and its dates are one line of text.
      if (command === 'pdftotext') expect(text).toContain('Senior Research Engineer, Kestrel AI 2022-04 – present · Stockholm\n')
    }
  })

  test.each(Object.keys(themes))('the %s theme sets it and it reads back whole', async (theme) => {
    const { result, pdf } = await render(CV, { theme })
    expect(pdf.pages).toBe(1)
    expect(pdf.text[0]).toContain('Ada Lindqvist')
    const report = await checkPdf(result.pdf, { source: CV, letterPages: result.letterPages })
    expect(report.words).toMatchObject({ score: 1 })
    expect(report.ok).toBe(true)
    expect(result.warnings).toEqual([])
  })

  test('max-pages fails a CV that runs longer; --fit shrinks it onto the pages, still whole', async () => {
    const long = longCv(10)
    expect((await render(long)).result.pages).toBe(2)
    const error = await rejection(render(long, { maxPages: 1 }))
    expect(error).toBeInstanceOf(LetterError)
    expect(error.message).toMatch(/^CV runs to 2 pages; at most 1 allowed/)
    const fitted = await render(long, { maxPages: 1, fit: true })
    expect(fitted.result.pages).toBe(1)
    const report = await checkPdf(fitted.result.pdf, { source: long })
    expect(report.words).toMatchObject({ score: 1 })
  })

  test('layout: resume is an error at its line and column, naming what is allowed', async () => {
    const error = (await rejection(render(frontMatter('layout: resume') + '## Experience\n'))) as LetterError
    expect(error).toBeInstanceOf(LetterError)
    expect(error.message).toBe('field "layout" must be letter or cv')
    expect([error.line, error.column]).toEqual([2, 9])
  })

  test("layout may come from the project config; the letter's own layout: letter wins over it", async () => {
    const fromConfig = await render('## Experience\n\n### Engineer, Acme\n2020 – 2021\n', {
      config: { layout: 'cv', from: 'Ada Lindqvist' },
    })
    expect(linesOf(fromConfig.pdf.items)[0]!.text).toBe('Ada Lindqvist')
    expect(fromConfig.pdf.text[0]).not.toContain('September 21, 2026')
    const letter = await render(frontMatter('layout: letter', 'date: false') + 'Dear Sam,\n\nText.\n', { config: { layout: 'cv' } })
    expect(letter.pdf.text[0]).toContain('Dear Sam')
  })

  test("a CV's own letter fields (to, subject, closing) are warned about where they stand; a DIN theme's envelope lints do not apply", async () => {
    const md = CV.replace('layout: cv', 'layout: cv\nto: Northwind Labs\nsubject: Application\ntheme: din5008\npaper: Letter')
    const { result } = await render(md)
    expect(result.warnings.map((w) => [w.message, w.line, w.column])).toEqual([
      ['field "to" does nothing in a CV (layout: cv), which has no letter parts', 3, 5],
      ['field "subject" does nothing in a CV (layout: cv), which has no letter parts', 4, 10],
    ])
  })
})
