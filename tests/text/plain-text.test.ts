// The plain-text twin as a recruiter pastes it: wrapped between words, links spelled out, notes at the end.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { sourceWords } from '../../src/check/words.js'
import { parseLetter } from '../../src/parse/index.js'
import { blocksText } from '../../src/text/blocks.js'
import { sourceBlocks } from '../../src/text/letter-blocks.js'
import { columns, plainText } from '../../src/text/plain-text.js'
import { frontMatter, render } from '../helpers/letters.js'

const SEED = readFileSync(join(import.meta.dirname, 'seed-cover-letter.md'), 'utf8')

/** A letter's twin, rendered with the given options. */
const twin = async (markdown: string, options: { txtWrap?: number; theme?: string } = {}) =>
  (await render(markdown, { txt: true, ...options })).result.text!

describe('wrapping', () => {
  test('at 72 columns by default: no line is longer, unless it is one unbreakable token', async () => {
    const long = `https://example.com/${'a'.repeat(90)}`
    const text = await twin(`${SEED}\n\nSee ${long} for more.`)
    const lines = text.split('\n')
    for (const line of lines) if (columns(line) > 72) expect(line.trim()).not.toContain(' ')
    // The URL is never broken: it stands whole on a line of its own.
    expect(lines).toContain(long)
    // And the lines are filled: most paragraph lines reach past 60 columns.
    expect(lines.filter((l) => columns(l) > 60).length).toBeGreaterThan(30)
  })

  test('--txt-wrap 40 wraps at 40, words never broken', async () => {
    const text = await twin(SEED, { txtWrap: 40 })
    const lines = text.split('\n')
    for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(40)
    expect(lines.some((l) => columns(l) > 34)).toBe(true)
    // Every word of the 72-column text is in the 40-column one, whole and in order.
    expect(text.split(/\s+/)).toEqual((await twin(SEED)).split(/\s+/))
  })

  test('--txt-wrap 0 gives one line per paragraph and per list item', async () => {
    const text = await twin(SEED, { txtWrap: 0 })
    const lines = text.split('\n')
    expect(lines).toContain(
      'I am writing to express my strong interest in the Research Engineer position at Goodfire. Your mission to advance AI interpretability and build safe, trustworthy AI systems deeply resonates with my professional passion and research background.',
    )
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(13)
    expect(lines.filter((l) => l.startsWith('  '))).toEqual([])
  })

  test('list items hang under their marker; a sign that clings ("35 %") goes to the next line with its word', async () => {
    const text = await twin(`- ${'word '.repeat(20)}done\n\n${'x'.repeat(60)} raised it 35 % this year.`)
    expect(text).toContain(`- ${'word '.repeat(13)}word\n  word word word word word word done`)
    expect(text).toContain('raised it\n35 % this year.')
  })

  test('lists and quotes nested past 8 levels line up instead of indenting off the line, as in the PDF', async () => {
    const list = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level${i} ${'word '.repeat(12)}`).join('\n')
    const quotes = Array.from({ length: 40 }, (_, i) => `${'>'.repeat(i + 1)} quoted${i}`).join('\n')
    const text = await twin(`Dear Ann,\n\n${list}\n\nBetween.\n\n${quotes}`)
    const lines = text.split('\n')
    for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(72)
    const indent = (word: string) => lines.find((l) => l.includes(word))!.indexOf('- ')
    expect([indent('level0 '), indent('level1 '), indent('level7 ')]).toEqual([0, 2, 14])
    expect(indent('level8 ')).toBe(16)
    expect(indent('level39 ')).toBe(16)
    expect(lines.find((l) => l.includes('quoted39'))).toBe(`${'> '.repeat(8)}quoted39`)
  })
})

describe('what the text holds', () => {
  test('links as "text <url>", a bare URL or address once, an unsafe link as its text', async () => {
    const text = await twin(
      'Dear Ann,\n\nSee [my talk](https://ada.dev/talk), <https://ada.dev>, [ada.dev](https://ada.dev/), [mail me](mailto:ada@example.com), ada@example.com and [this](javascript:alert(1)).',
    )
    expect(text).toContain(
      'See my talk <https://ada.dev/talk>, https://ada.dev, ada.dev, mail me\n<ada@example.com>, ada@example.com and this.',
    )
  })

  test('the sender block, date, recipient, subject, salutation, body, closing, enclosures and cc, then the footnotes', async () => {
    const markdown =
      frontMatter(
        'from: { name: Ada Lindqvist, email: ada@example.com, links: [{ label: Portfolio, url: "https://ada.dev" }] }',
        'to: { name: Hiring Team, company: Northwind Labs }',
        'date: 2026-11-24',
        'subject: "Application -- Research Engineer"',
        'enclosures: [CV]',
        'cc: [Jane Doe]',
        'closing: Kind regards,',
      ) + 'Dear Hiring Team,\n\nI "care" about this work[^a] and that one[^b].\n\n[^b]: The second note.\n\n[^a]: The first note.'
    const text = await twin(markdown)
    expect(text).toBe(
      [
        'Ada Lindqvist\nada@example.com\nPortfolio <https://ada.dev>',
        'November 24, 2026',
        'Hiring Team\nNorthwind Labs',
        'Application – Research Engineer',
        'Dear Hiring Team,',
        'I “care” about this work[1] and that one[2].',
        'Kind regards,\nAda Lindqvist',
        'Enclosure: CV\ncc: Jane Doe',
        '[1] The first note.\n[2] The second note.\n',
      ].join('\n\n'),
    )
  })

  test("the din5008 theme's head in its reading order: letterhead, return address, recipient, information block", async () => {
    const markdown =
      frontMatter(
        'from: { name: Jonas Meyer, address: [Lindenstraße 14, 10969 Berlin], phone: "+49 30 1234567", email: j@example.de }',
        'to: { name: Eva Schmidt, address: [Hafenweg 8, 20457 Hamburg] }',
        'date: 2026-11-24',
        'lang: de-DE',
        'theme: din5008',
      ) + 'Sehr geehrte Frau Schmidt,\n\nText.\n\nMit freundlichen Grüßen\nJonas Meyer'
    expect(await twin(markdown)).toMatch(
      /^Jonas Meyer\nLindenstraße 14\n10969 Berlin\n\nJonas Meyer · Lindenstraße 14 · 10969 Berlin\n\nEva Schmidt\nHafenweg 8\n20457 Hamburg\n\nTelefon: \+49 30 1234567\nE-Mail: j@example.de\nDatum: 24\. November 2026\n\nSehr geehrte/,
    )
  })

  test('lists as "- " and "1. " (from their start), tasks, quotes, tables as rows, code as written', async () => {
    const markdown = [
      `${frontMatter('date: false')}Dear Ann,`,
      '3. third\n4. fourth\n   - nested',
      '- [x] done\n- [ ] open',
      '> quoted *text*',
      '| Skill | Years |\n|---|---|\n| Rust | 4 |',
      '```\ndef f():\n\treturn  1\n```',
      '---',
      'End.',
    ].join('\n\n')
    expect(await twin(markdown)).toBe(
      [
        'Dear Ann,',
        '3. third\n4. fourth\n   - nested',
        '- [x] done\n- [ ] open',
        '> quoted text',
        'Skill | Years\nRust | 4',
        'def f():\n    return  1',
        '* * *',
        'End.\n',
      ].join('\n\n'),
    )
  })

  test('without txt there is no text', async () => {
    expect((await render(SEED)).result.text).toBeUndefined()
    expect((await render(frontMatter('txt: true') + SEED)).result.text).toContain('Dear Goodfire Team,')
    expect((await render(SEED, { config: { txt: true } })).result.text).toContain('Dear Goodfire Team,')
    expect((await render(frontMatter('txt: false') + SEED, { config: { txt: true } })).result.text).toBeUndefined()
  })
})

describe('one place for the words', () => {
  test("the check's word list is the words of the twin's own blocks", () => {
    const markdown = `${SEED}\n\nA note[^n] and [a link](https://x.dev).\n\n[^n]: The note.`
    const blocks = sourceBlocks(parseLetter(markdown).tree)
    expect(sourceWords(markdown).join(' ')).toContain('a note1 and a link')
    expect(sourceWords(markdown).at(-2)).toBe('the')
    expect(blocksText(blocks)).toContain('A note1 and a link.')
    // The twin spells the same blocks out: with the link's target and the note's mark.
    expect(plainText(blocks, { wrap: 0 })).toContain('A note[1] and a link <https://x.dev>.')
  })
})
