// The plain-text twin holds the PDF's words: every word the PDF sets, in its reading order, and nothing else but
// the link targets it spells out, in every built-in theme.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readWords } from '../../src/check/words.js'
import { wordsOf } from '../helpers/readback.js'
import { frontMatter, render } from '../helpers/letters.js'
import type { PdfFacts } from '../helpers/pdf.js'

const SEED = readFileSync(join(import.meta.dirname, '../text/seed-cover-letter.md'), 'utf8')
const CV = readFileSync(join(import.meta.dirname, '../../letters/cv.md'), 'utf8')
const RESUME = readFileSync(join(import.meta.dirname, '../fixtures/resume/resume.json'), 'utf8')

/** A letter that uses every part the layout sets: letterhead, date, recipient, subject, closing, enclosures, cc, endnotes. */
const FULL =
  frontMatter(
    'from:',
    '  name: Ada Lindqvist',
    '  title: Research Engineer',
    '  email: ada@example.com',
    '  phone: "+46 70 123 45 67"',
    '  address: [Sveavägen 1, 111 57 Stockholm]',
    '  links: [github.com/ada, { label: Portfolio, url: "https://ada.example.com/work" }]',
    'to: { name: Hiring Team, company: Northwind Labs, address: [Main Street 2, 10115 Berlin] }',
    'date: 2026-11-24',
    'subject: Application for "Research Engineer"',
    'enclosures: [CV, References]',
    'cc: [Jane Doe]',
  ) +
  [
    'Dear Hiring Team,',
    "I'd like to join Northwind Labs[^why] -- see [my talk](https://ada.example.com/talk) and https://ada.example.com.",
    '1. first point\n2. second point',
    '| Skill | Years |\n|---|---|\n| Rust | 4 |',
    '[^why]: Its interpretability work, above all.',
    'Kind regards,\nAda Lindqvist',
  ].join('\n\n')

/** The words of a PDF's pages, as `check` reads them, without the running header (Page 2 of 2) that opens a part's pages after its first. */
function pdfWords(pdf: PdfFacts, expected: string[]): string[] {
  const pages = pdf.text.map((text, i) => {
    if (i === 0) return text
    // The running header is the page's topmost line: its items are taken out of the page's text.
    const items = pdf.items.filter((item) => item.page === i + 1)
    const top = Math.min(...items.map((item) => item.y))
    const head = items.filter((item) => item.y < top + 1)
    // A part's first page (a CV attached) opens with its own text, not a running header.
    if (!/\bPage \d+ of \d+/.test(head.map((item) => item.str).join(' '))) return text
    return head.reduce((rest, item) => {
      const at = rest.lastIndexOf(item.str)
      return at === -1 ? rest : rest.slice(0, at) + rest.slice(at + item.str.length)
    }, text)
  })
  return readWords(pages, expected).words
}

/** The twin's words as the PDF sets them: link targets left out, a footnote mark "[1]" as the raised 1 it is. */
const setWords = (text: string) => wordsOf(text.replace(/ ?<[^<>\s]+>/g, '').replace(/\[(\d+)\]/g, '$1'))

describe.each(['classic', 'modern', 'din5008'])('the plain-text twin in %s', (theme) => {
  test.each([
    ['the seed letter', SEED],
    ['a letter with every part', FULL],
    ['the example CV', CV],
    ['a JSON Resume', RESUME, 'resume.json'],
  ])('%s holds every word of the PDF, in order, and no other', async (_, markdown, path?: string) => {
    const { result, pdf } = await render(markdown, { theme, txt: true, ...(path ? { path } : {}) })
    const twin = result.text!
    expect(twin.length).toBeGreaterThan(500)
    const words = setWords(twin)
    expect(pdfWords(pdf, words)).toEqual(words)
  })
})

describe('the plain-text twin of a one-file application', () => {
  test('holds the letter, then each attached Markdown part and JSON Resume, every word of the PDF in order', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'letterpress-twin-'))
    writeFileSync(join(dir, 'cv.md'), CV)
    writeFileSync(join(dir, 'resume.json'), RESUME)
    const { result, pdf } = await render(frontMatter('attach: [cv.md, resume.json]') + SEED, { path: join(dir, 'letter.md'), txt: true })
    const twin = result.text!
    expect(twin.split('\n* * *\n')).toHaveLength(3)
    const words = setWords(twin)
    expect(pdfWords(pdf, words)).toEqual(words)
    expect(twin.indexOf('Ada Lindqvist')).toBeGreaterThan(twin.indexOf('Dear'))
    expect(twin).toContain('Maren Okafor-Lund')
  })
})
