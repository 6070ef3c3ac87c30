import { describe, expect, test } from 'vitest'
import { parseErrorOf } from '../helpers/errors.js'
import { LetterError, parseLetter } from '../../src/index.js'
import { hasField, mergeLayers, metaTexts, paperForLang, pdfaClaim, resolveMeta } from '../../src/parse/meta.js'
import type { RawMeta } from '../../src/parse/schema.js'
import { formatDate } from '../../src/parse/date.js'

const fm = (yaml: string) => `---\n${yaml}\n---\n\nDear Sam,\n`
const errorOf = parseErrorOf

describe('front matter', () => {
  test('every DESIGN.md field is accepted without warnings', () => {
    const { raw, warnings } = parseLetter(
      fm(`from:\n  name: Han\n  title: Eng\n  email: h@x.dev\n  phone: "+49 30 1"\n  address: [A 1, B 2]\n  links: [https://x.dev, { label: W, url: https://w.dev }]
to: { name: T, title: Boss, company: Co, address: Street }
date: 2026-11-24
subject: S
lang: de-DE
theme: classic
paper: A4
signature: sig.png
closing: Sincerely,
enclosures: [CV]
cc: [Someone]
output: "{from.name}.pdf"
max-pages: 1
fit: true
title: T
keywords: [a, b]`),
      'x.md',
    )
    expect(warnings).toEqual([])
    expect(raw.subject).toBe('S')
  })

  test('a wrong type names the field, its line and column, and what was expected', () => {
    const e = errorOf(fm('subject: ok\ndate: [1, 2]'))
    expect(e).toBeInstanceOf(LetterError)
    expect(e.message).toBe('field "date" must be a date (YYYY-MM-DD), "today", free text, or false')
    expect([e.line, e.column]).toEqual([3, 7])
  })

  test('a wrong type deep inside names the nested field', () => {
    const e = errorOf(fm('from:\n  name: Han\n  links:\n    - { label: W }'))
    expect(e.message).toBe('field "from.links[0].url" must be a web address such as https://example.com')
    expect(e.line).toBe(5)
  })

  test("bad YAML gives the parser's place and reason", () => {
    const e = errorOf(fm('subject: "unterminated'))
    expect(e.message).toMatch(/^invalid YAML front matter: /)
    expect(e.line).toBeGreaterThanOrEqual(2)
  })

  test('an alias to no anchor is a YAML error at the alias, not a crash (found by the fuzz tests)', () => {
    const e = errorOf(fm('subject: ok\nfrom: *nobody'))
    expect(e).toBeInstanceOf(LetterError)
    expect(e.message).toMatch(/^invalid YAML front matter: Unresolved alias/)
    expect([e.line, e.column]).toEqual([3, 7])
  })

  test('front matter that is not a mapping is an error', () => {
    expect(errorOf(fm('- just\n- a list')).message).toContain('must be a mapping')
  })

  test('unknown fields warn with the nearest known field, at their line', () => {
    const { warnings } = parseLetter(fm('subjct: S\nfrom:\n  nmae: Han\nzzzzzzzzzz: 1'), 'x.md')
    expect(warnings.map((w) => [w.message, w.line, w.column])).toEqual([
      ['unknown field "subjct"; did you mean "subject"?', 2, 1],
      ['unknown field "zzzzzzzzzz"', 5, 1],
      ['unknown field "from.nmae"; did you mean "name"?', 4, 3],
    ])
  })

  test('layers merge deeply: mappings merge, lists and scalars replace', () => {
    const merged = mergeLayers({ from: { name: 'A', email: 'a@x' }, cc: ['x'], lang: 'en' }, { from: { title: 'T' }, cc: ['y'] })
    expect(merged).toEqual({ from: { name: 'A', email: 'a@x', title: 'T' }, cc: ['y'], lang: 'en' })
    expect(mergeLayers({ from: { name: 'A', email: 'a@x' } }, { from: 'B' })).toEqual({ from: { name: 'B', email: 'a@x' } })
  })

  test('paper follows the language region unless set', () => {
    expect(paperForLang('en-US')).toBe('Letter')
    expect(paperForLang('fr-CA')).toBe('Letter')
    expect(paperForLang('en-GB')).toBe('A4')
    expect(paperForLang('de')).toBe('A4')
    expect(resolveMeta({ lang: 'en-US' }).paper).toBe('Letter')
    expect(resolveMeta({ lang: 'en-US', paper: 'A4' }).paper).toBe('A4')
    expect(resolveMeta({ lang: 'en-US', paper: 'A4' }, { paper: 'Letter' }).paper).toBe('Letter')
  })

  test('strings become people, addresses become lines, links get labels', () => {
    const meta = resolveMeta({ from: { name: 'H', address: 'One line', links: ['https://x.dev/a'], phone: 123 }, to: 'Team' })
    expect(meta.from).toMatchObject({
      name: 'H',
      address: ['One line'],
      phone: '123',
      links: [{ label: 'x.dev/a', url: 'https://x.dev/a' }],
    })
    expect(meta.to).toEqual({ name: 'Team', address: [], links: [] })
  })
})

describe('dates', () => {
  test('are formatted by language', () => {
    expect(formatDate('2026-11-24', 'en-US')).toBe('November 24, 2026')
    expect(formatDate('2026-11-24', 'en-GB')).toBe('24 November 2026')
    expect(formatDate('2026-11-24', 'de-DE')).toBe('24. November 2026')
  })
  test('"today" honours SOURCE_DATE_EPOCH; free text stays; false hides', () => {
    expect(formatDate('today', 'en-US', 1_790_000_000)).toBe('September 21, 2026')
    expect(formatDate('Spring 2027', 'en-US')).toBe('Spring 2027')
    expect(formatDate(false, 'en-US')).toBe(false)
  })
})

describe('PDF/A and attachments: one rule', () => {
  const PDFA_AT = { line: 9, column: 7 }
  test('a letter claims PDF/A unless turned off', () => {
    expect(pdfaClaim(undefined, [])).toEqual({ pdfa: true, warnings: [] })
    expect(pdfaClaim(true, [])).toEqual({ pdfa: true, warnings: [] })
    expect(pdfaClaim(false, [])).toEqual({ pdfa: false, warnings: [] })
  })

  test("attached Markdown (letterpress's own parts) keeps the claim, as asked", () => {
    expect(pdfaClaim(undefined, ['cv.md', 'more/notes.markdown', 'resume.json'])).toEqual({ pdfa: true, warnings: [] })
    expect(pdfaClaim(false, ['cv.md'])).toEqual({ pdfa: false, warnings: [] })
    expect(resolveMeta({ attach: 'cv.md' }).pdfa).toBe(true)
  })

  test('a letter with attached PDFs claims none; asking for PDF/A anyway is warned, at the pdfa field', () => {
    expect(pdfaClaim(undefined, ['a.pdf', 'b.pdf'], PDFA_AT)).toEqual({ pdfa: false, warnings: [] })
    expect(pdfaClaim(false, ['a.pdf'], PDFA_AT)).toEqual({ pdfa: false, warnings: [] })
    expect(pdfaClaim(undefined, ['cv.md', 'certificates.PDF'], PDFA_AT).pdfa).toBe(false)
    expect(pdfaClaim(true, ['cv.pdf'], PDFA_AT)).toEqual({
      pdfa: false,
      warnings: [
        {
          message: 'no PDF/A claim for a letter with attached PDFs: the attached PDFs are not checked for conformance',
          ...PDFA_AT,
          source: 'letterpress:attach',
        },
      ],
    })
  })

  test("resolveMeta follows the rule for the front matter's and the caller's attachments", () => {
    expect(resolveMeta({}).pdfa).toBe(true)
    expect(resolveMeta({ pdfa: false }).pdfa).toBe(false)
    expect(resolveMeta({ pdfa: true, attach: 'cv.pdf' }).pdfa).toBe(false)
    expect(resolveMeta({}, { pdfa: true, attach: ['cv.pdf'] }).pdfa).toBe(false)
  })
})

describe('helpers of the meta', () => {
  test("hasField: whether the letter's own layer sets a field, at any depth, even to false", () => {
    const raw: RawMeta = { from: { name: 'H', links: ['https://x.dev'] }, fit: false }
    expect(hasField(raw, ['fit'])).toBe(true)
    expect(hasField(raw, ['from', 'name'])).toBe(true)
    expect(hasField(raw, ['from', 'links', 0])).toBe(true)
    expect(hasField(raw, ['from', 'links', 1])).toBe(false)
    expect(hasField(raw, ['from', 'name', 'x'])).toBe(false)
    expect(hasField(raw, ['to'])).toBe(false)
    expect(hasField({}, ['constructor'])).toBe(false)
  })

  test('metaTexts: every front matter value the letter sets as text, the empty ones left out', () => {
    const meta = resolveMeta({
      subject: 'S',
      closing: 'C',
      from: { name: 'F', title: 'FT', address: ['FA'] },
      to: { name: 'T', title: '', company: 'TC', address: ['TA1', 'TA2'] },
      enclosures: ['E'],
      cc: ['K'],
    })
    expect(metaTexts(meta)).toEqual(['S', 'C', 'F', 'FT', 'T', 'TC', 'TA1', 'TA2', 'FA', 'E', 'K'])
    expect(metaTexts(resolveMeta({}))).toEqual([])
  })
})
