import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const LETTER = '# Note\n\nDear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n'

describe('themes on the command line', () => {
  test('--theme names a built-in theme for every letter', async () => {
    const dir = project({ 'letters/a.md': `---\nfrom: Kim Lee\n---\n\n${LETTER}` })
    expect(letterpress(dir, ['--theme', 'modern']).code).toBe(0)
    const pdf = await readPdf(readFileSync(join(dir, 'output/a.pdf')))
    expect(pdf.fonts.map((f) => f.name).join(' ')).toMatch(/NotoSans-/)
  })

  test("a theme file extends a built-in theme, from front matter (outside the letter's folder with --allow-path) or --theme", async () => {
    const dir = project({
      'themes/mine.yaml': 'extends: classic\nfonts: { body: Noto Sans }\n',
      'letters/a.md': `---\ntheme: ../themes/mine.yaml\n---\n\n${LETTER}`,
      'letters/b.md': LETTER,
    })
    const r = letterpress(dir, ['letters/a.md', '--allow-path', 'themes'])
    expect(r.code, r.stderr).toBe(0)
    expect((await readPdf(readFileSync(join(dir, 'output/a.pdf')))).fonts.map((f) => f.name).join(' ')).toMatch(/NotoSans-Regular/)
    expect(letterpress(dir, ['letters/b.md', '--theme', 'themes/mine.yaml']).code).toBe(0)
    expect((await readPdf(readFileSync(join(dir, 'output/b.pdf')))).fonts.map((f) => f.name).join(' ')).toMatch(/NotoSans-Regular/)
  })

  test('an invalid value in a theme file a letter names names the theme file, line and key; that letter fails, exit 1', () => {
    const dir = project({
      'letters/mine.yaml': 'extends: modern\ncolors:\n  accent: red\n',
      'letters/a.md': `---\ntheme: mine.yaml\n---\n${LETTER}`,
      'letters/b.md': LETTER,
    })
    const r = letterpress(dir, ['--json'])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.letters[0].error).toEqual({
      message: 'theme value "colors.accent" must be a colour such as #1f3a5f',
      line: 3,
      column: 11,
      file: 'letters/mine.yaml',
    })
    expect(report.letters[1].output).toBe('output/b.pdf')
    const human = letterpress(dir, [])
    expect(human.stderr).toContain('letters/mine.yaml:3:11 error theme value "colors.accent" must be a colour such as #1f3a5f')
  })

  test('the same theme file given with --theme is bad usage: exit 2 before anything renders', () => {
    const dir = project({ 'mine.yaml': 'extends: modern\ncolors:\n  accent: red\n', 'letters/a.md': LETTER })
    const r = letterpress(dir, ['--theme', 'mine.yaml'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('mine.yaml:3:11 error theme value "colors.accent" must be a colour such as #1f3a5f')
    expect(r.stdout).toBe('')
  })

  test('an unknown theme or a missing theme file is bad usage', () => {
    const dir = project({ 'letters/a.md': LETTER })
    expect(letterpress(dir, ['--theme', 'fancy']).stderr).toContain('unknown theme "fancy"; built-in themes: classic, modern, din5008')
    expect(letterpress(dir, ['--theme', 'nope.yaml']).code).toBe(2)
  })

  test('--max-pages with --fit shrinks a long letter onto one page', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: ${'a sentence that keeps the letter going, '.repeat(9)}`).join(
      '\n\n',
    )
    const dir = project({ 'letters/long.md': `Dear Sam,\n\n${body}\n\nSincerely,\nKim Lee\n` })
    const plain = letterpress(dir, ['--max-pages', '1'])
    expect(plain.code).toBe(1)
    expect(plain.stderr).toMatch(/runs to 2 pages; at most 1 allowed/)
    const fit = letterpress(dir, ['--max-pages', '1', '--fit'])
    expect(fit.code, fit.stderr).toBe(0)
    expect((await readPdf(readFileSync(join(dir, 'output/long.pdf')))).pages).toBe(1)
  })
})
