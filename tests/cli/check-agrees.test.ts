// `check` and `--check` agree with the renderer: a URL the renderer wrapped at a line end and hyphenation the
// letter asked for pass; the JSON entry says what the check found; `letterpress check` of a letter with an
// attachment of another paper size holds only the letter's own pages (as the PDF records them) to one size.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import { letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const URL = 'https://example.com/projects/letterpress/documentation/getting-started/installation/advanced-configuration-options/index.html'
const URL_LETTER = `---\nfrom:\n  name: Kai Berg\nto:\n  name: Acme\n---\nDear team,\n\nMy portfolio lives at ${URL} and more words follow here to the end.\n\nKind regards\n`
const LONG_WORDS =
  'The incomprehensible incomprehensibilities of internationalization notwithstanding, characteristically extraordinary responsibilities accompany the establishment of uncharacteristically counterrevolutionary institutionalization within multidisciplinary organisations and telecommunications infrastructures everywhere.'
const hyphenated = (on: boolean) => `---\nfrom:\n  name: Kai Berg\nhyphenate: ${on}\n---\nDear team,\n\n${LONG_WORDS}\n\nKind regards\n`

interface Entry {
  input: string
  output: string | null
  error: { message: string } | null
  check?: { ok: boolean; problems: string[]; words: { expected: number; matched: number; hyphenated: number } | null }
}
const entries = (stdout: string) => (JSON.parse(stdout) as { letters: Entry[] }).letters

describe('--check accepts what the renderer did on purpose', () => {
  test('a long URL wrapped at "/" across lines reads back as the one word of the source', () => {
    const dir = project({ 'letters/url.md': URL_LETTER })
    const r = letterpress(dir, ['letters/url.md', '--check', '--json'])
    expect(r.code, r.stdout).toBe(0)
    const [entry] = entries(r.stdout)
    expect(entry!.output).toBe(join('output', 'url.pdf'))
    expect(entry!.check).toEqual({ ok: true, problems: [], words: { expected: 17, matched: 17, score: 1, hyphenated: 0 } })
    // And `letterpress check` with the source agrees.
    const c = letterpress(dir, ['check', 'output/url.pdf', '--source', 'letters/url.md'])
    expect(c.code, c.stdout).toBe(0)
    expect(c.stdout).toContain('✓ output/url.pdf: 1 page, 17/17 words in order (100.0 %)')
  })

  test('hyphenate: true passes --check and counts the hyphenated words in the JSON', () => {
    const dir = project({ 'letters/hy.md': hyphenated(true) })
    const r = letterpress(dir, ['letters/hy.md', '--check', '--json'])
    expect(r.code, r.stdout).toBe(0)
    const [entry] = entries(r.stdout)
    expect(entry!.check!.ok).toBe(true)
    expect(entry!.check!.words!.hyphenated).toBeGreaterThan(0)
    const c = letterpress(dir, ['check', 'output/hy.pdf', '--source', 'letters/hy.md', '--json'])
    expect(c.code, c.stdout).toBe(0)
    const file = (JSON.parse(c.stdout) as { files: { words: { hyphenated: number } }[] }).files[0]!
    expect(file.words.hyphenated).toBe(entry!.check!.words!.hyphenated)
  })

  test('the same split still fails `letterpress check` when the source did not ask for hyphenation', () => {
    const dir = project({ 'letters/hy.md': hyphenated(true), 'plain.md': hyphenated(false) })
    expect(letterpress(dir, ['letters/hy.md']).code).toBe(0)
    const c = letterpress(dir, ['check', 'output/hy.pdf', '--source', 'plain.md'])
    expect(c.code).toBe(1)
    expect(c.stdout).toMatch(/split word "\w+" \(reads "\w+-\w+"\)/)
  })
})

describe('the JSON entry of a letter under --check', () => {
  test('a failing check: "output": null, nothing written, and "check" with ok false and its problems', () => {
    const dir = project({
      'letters/a.md': 'Dear Sam,\n\nThank you.\n',
      'letters/b.md': 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n',
    })
    const r = letterpress(dir, ['letters', '--check', '--json'])
    expect(r.code).toBe(1)
    const [a, b] = entries(r.stdout)
    expect(a).toMatchObject({ input: join('letters', 'a.md'), output: null, check: { ok: false, problems: ['metadata missing: Author'] } })
    expect(a!.error!.message).toBe('check failed: metadata missing: Author; not written')
    expect(existsSync(join(dir, 'output/a.pdf'))).toBe(false)
    expect(b).toMatchObject({ output: join('output', 'b.pdf'), error: null, check: { ok: true, problems: [] } })
  })

  test('without --check the entry has no "check"', () => {
    const dir = project({ 'letters/b.md': 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n' })
    const [b] = entries(letterpress(dir, ['letters', '--json']).stdout)
    expect(b).not.toHaveProperty('check')
  })
})

describe('letterpress check of a letter with an attachment of another paper size', () => {
  test('a US-Letter letter with an A4 CV attached passes; the same pages without the record fail', async () => {
    const dir = project({
      'cv/cv.md': '---\nfrom: Kim Lee\npaper: A4\n---\n\nDear reader,\n\nMy curriculum vitae.\n\nSincerely,\nKim Lee\n',
      'letters/a.md':
        '---\nfrom: Kim Lee\nlang: en-US\npaper: Letter\nattach: [../cv-out/cv.pdf]\n---\n\nDear Sam,\n\nThe letter itself.\n\nSincerely,\nKim Lee\n',
    })
    expect(letterpress(dir, ['cv/cv.md', '--out', 'cv-out']).code).toBe(0)
    expect(letterpress(dir, ['letters/a.md', '--allow-path', 'cv-out']).code).toBe(0)
    const facts = await readPdf(readFileSync(join(dir, 'output/a.pdf')))
    expect(facts.sizes).toEqual([
      [612, 792],
      [595, 842],
    ])
    const r = letterpress(dir, ['check', 'output/a.pdf', '--source', 'letters/a.md'])
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toContain('✓ output/a.pdf: 2 pages')
    // The same file without the record: its pages differ in size, and nothing says which are the letter's.
    const doc = await PDFDocument.load(readFileSync(join(dir, 'output/a.pdf')), { updateMetadata: false })
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict)
    expect(info.has(PDFName.of('LetterpressLetterPages'))).toBe(true)
    info.delete(PDFName.of('LetterpressLetterPages'))
    writeFileSync(join(dir, 'mixed.pdf'), await doc.save({ useObjectStreams: false }))
    const mixed = letterpress(dir, ['check', 'mixed.pdf'])
    expect(mixed.code).toBe(1)
    expect(mixed.stdout).toContain('✗ mixed.pdf: 2 pages')
    expect(mixed.stdout).toContain('  pages have different sizes')
  })
})
