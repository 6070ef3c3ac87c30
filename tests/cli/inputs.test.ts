import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const GOOD = 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n'

describe('inputs, outputs and project config', () => {
  test('a glob takes only Markdown letters', () => {
    const dir = project({ 'letters/a.md': GOOD, 'letters/notes.txt': 'not a letter', 'letters/b.markdown': GOOD })
    const r = letterpress(dir, ['letters/*'])
    expect(r.code, r.stderr).toBe(0)
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['a.pdf', 'b.pdf'])
  })

  test('a named non-Markdown file is bad usage', () => {
    const dir = project({ 'notes.txt': 'x' })
    const r = letterpress(dir, ['notes.txt'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('"notes.txt" is not a Markdown letter')
  })

  test('a folder search skips node_modules and the output folder', () => {
    const dir = project({ 'a.md': GOOD, 'node_modules/pkg/README.md': '# pkg\n', 'output/old.md': GOOD })
    const r = letterpress(dir, ['.'])
    expect(r.code, r.stderr).toBe(0)
    expect(readdirSync(join(dir, 'output')).filter((f) => f.endsWith('.pdf'))).toEqual(['a.pdf'])
  })

  test('same-named letters in different subfolders do not collide', () => {
    const dir = project({ 'letters/a.md': GOOD, 'letters/acme/a.md': GOOD })
    expect(letterpress(dir, []).code).toBe(0)
    expect(existsSync(join(dir, 'output/a.pdf')) && existsSync(join(dir, 'output/acme/a.pdf'))).toBe(true)
  })

  test('paths in the project config are relative to the config, not to each letter', async () => {
    const dir = project({
      'letterpress.config.yaml': 'theme: themes/mine.yaml\n',
      'themes/mine.yaml': 'extends: modern\n',
      'letters/deep/a.md': GOOD,
    })
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    const pdf = await readPdf(readFileSync(join(dir, 'output/deep/a.pdf')))
    expect(pdf.fonts.map((f) => f.name).join(' ')).toMatch(/NotoSans-Regular/)
  })

  test('a name from the config and a title from the front matter both reach the letterhead', async () => {
    const dir = project({
      'letterpress.config.yaml': 'from: Han Xiao\n',
      'letters/a.md': `---\nfrom:\n  title: Research Engineer\n---\n\n${GOOD}`,
    })
    expect(letterpress(dir, []).code).toBe(0)
    const text = (await readPdf(readFileSync(join(dir, 'output/a.pdf')))).text[0]!
    expect(text).toContain('Han Xiao')
    expect(text).toContain('Research Engineer')
  })

  test('--json reports config warnings at the top level', () => {
    const dir = project({ 'letterpress.config.yaml': 'form: Kim\n', 'letters/a.md': GOOD })
    const r = letterpress(dir, ['--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).warnings).toEqual([
      {
        file: 'letterpress.config.yaml',
        message: 'unknown field "form"; did you mean "from"?',
        line: 1,
        column: 1,
        source: 'letterpress:meta',
      },
    ])
  })

  test('a YAML error in the config names the config, not front matter', () => {
    const dir = project({ 'letterpress.config.yaml': 'from: [unclosed\n', 'letters/a.md': GOOD })
    const r = letterpress(dir, [])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/letterpress\.config\.yaml:\d+:\d+ error invalid YAML config: /)
  })
})
