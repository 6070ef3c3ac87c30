// Whole letters, one folder each under tests/fixtures/<case>/: input.md and expect.json.
// Adding a case is adding a folder. Every PDF is read back with pdf.js, as an ATS would read it.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LetterError, renderLetter } from '../../src/index.js'
import { outputName } from '../../src/write/output-name.js'
import { checkPdf } from '../../src/check/index.js'
import { readPdf } from '../helpers/pdf.js'
import { missingInOrder, plainMarkdown, wordsOf } from '../helpers/readback.js'

interface Expect {
  pages?: number
  size?: 'A4' | 'Letter'
  title?: string
  author?: string
  subject?: string
  keywords?: string
  lang?: string
  output?: string
  readback?: boolean
  text?: string[]
  absent?: string[]
  links?: string[]
  images?: number
  warnings?: { line?: number; column?: number; match: string }[]
  error?: { line?: number; column?: number; match: string }
}

const SIZES = { A4: [595, 842], Letter: [612, 792] }
const root = join(import.meta.dirname, '../fixtures')
const cases = readdirSync(root).filter((name) => existsSync(join(root, name, 'input.md')))

describe.each(cases)('fixture %s', (name) => {
  const dir = join(root, name)
  const input = join(dir, 'input.md')
  const markdown = readFileSync(input, 'utf8')
  const expected = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as Expect
  const render = () => renderLetter(markdown, { path: input, sourceDateEpoch: 1_790_000_000, fontDirs: [] })

  if (expected.error) {
    test('fails with a message at its place', async () => {
      const error = await render().then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(LetterError)
      const e = error as LetterError
      expect(e.message).toContain(expected.error!.match)
      if (expected.error!.line !== undefined) expect(e.line).toBe(expected.error!.line)
      if (expected.error!.column !== undefined) expect(e.column).toBe(expected.error!.column)
    })
    return
  }

  test('renders and reads back as expected', async () => {
    const result = await render()
    const pdf = await readPdf(result.pdf)
    const text = pdf.text.join('\n')

    if (expected.pages !== undefined) expect(pdf.pages).toBe(expected.pages)
    expect(result.pages).toBe(pdf.pages)
    if (expected.size) for (const size of pdf.sizes) expect(size).toEqual(SIZES[expected.size])
    if (expected.title !== undefined) expect(pdf.info.Title).toBe(expected.title)
    if (expected.author !== undefined) expect(pdf.info.Author).toBe(expected.author)
    if (expected.subject !== undefined) expect(pdf.info.Subject).toBe(expected.subject)
    if (expected.keywords !== undefined) expect(pdf.info.Keywords).toBe(expected.keywords)
    if (expected.lang !== undefined) expect(pdf.lang).toBe(expected.lang)
    expect(pdf.info.Creator).toBe('letterpress')
    if (expected.output !== undefined) expect(outputName(input, result.meta)).toBe(expected.output)

    // Fragments appear in this order in the text layer.
    let from = 0
    for (const fragment of expected.text ?? []) {
      const at = text.indexOf(fragment, from)
      expect(at, `"${fragment}" after offset ${from} in:\n${text}`).toBeGreaterThanOrEqual(0)
      from = at + fragment.length
    }
    for (const fragment of expected.absent ?? []) expect(text).not.toContain(fragment)
    if (expected.readback) expect(missingInOrder(wordsOf(plainMarkdown(markdown)), wordsOf(text))).toEqual([])

    if (expected.links) expect(pdf.links.map((l) => l.url)).toEqual(expected.links)
    if (expected.images !== undefined)
      expect(
        Buffer.from(result.pdf)
          .toString('latin1')
          .match(/\/Subtype \/Image/g)?.length ?? 0,
      ).toBe(expected.images)

    // Every font is a real, embedded typeface: no standard PDF fonts anywhere in the file.
    expect(pdf.fonts.length).toBeGreaterThan(0)
    for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true })

    // The project's own check reads every body word back in order, with nothing else wrong but a missing author.
    const check = await checkPdf(result.pdf, { source: markdown })
    expect(check.wordProblems).toEqual([])
    expect(check.words!.matched).toBe(check.words!.expected)
    expect(check.fontsNotEmbedded).toEqual([])
    expect(check.metadataMissing).toEqual(expected.author === undefined ? ['Author'] : [])
    expect(check.ok).toBe(expected.author !== undefined)

    const warnings = result.warnings.map((w) => ({ line: w.line, column: w.column, message: w.message }))
    expect(warnings).toHaveLength(expected.warnings?.length ?? 0)
    for (const [i, w] of (expected.warnings ?? []).entries()) {
      expect(warnings[i]!.message).toContain(w.match)
      if (w.line !== undefined) expect(warnings[i]!.line).toBe(w.line)
      if (w.column !== undefined) expect(warnings[i]!.column).toBe(w.column)
    }
  })
})
