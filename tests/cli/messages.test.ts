// What the writer wrote is what the messages say: nothing silently printed or ignored, every schema problem of a
// file at once with its own line:column, a broken config or --theme is bad usage before anything renders.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const BODY = 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n'
const pdfsIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
    : []
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => / error /.test(l))

describe('nothing is silently printed or ignored', () => {
  test('front matter opened and never closed is an error at 1:1; the YAML is not printed as the letter', () => {
    const dir = project({ 'letters/open.md': `---\nsubject: Hello\nlang: en-GB\n\n${BODY}`, 'letters/ok.md': BODY })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/open.md:1:1 error front matter opened here is never closed')
    expect(pdfsIn(join(dir, 'output'))).toEqual(['ok.pdf'])
  })

  test('closed front matter, and a letter with none, still render', () => {
    const dir = project({ 'letters/a.md': `---\nsubject: Hello\n---\n${BODY}`, 'letters/b.md': `Dear Sam,\n\n---\n\nThank you.\n` })
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
  })

  test('dates that look like ISO dates must be days that exist, quoted or not; free text stays allowed', async () => {
    const dir = project({
      'letters/month.md': `---\ndate: 2026-13-45\n---\n${BODY}`,
      'letters/quoted.md': `---\nsubject: Hi\ndate: "2026-13-45"\n---\n${BODY}`,
      'letters/time.md': `---\ndate: 2026-02-30T09:00\n---\n${BODY}`,
      'letters/short.md': `---\ndate: 2026-1-5\n---\n${BODY}`,
      'letters/free.md': `---\ndate: Spring 2027\n---\n${BODY}`,
    })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/month.md:2:7 error field "date" must be a day that exists: 2026-13-45 is not in the calendar')
    expect(r.stderr).toContain('letters/quoted.md:3:7 error field "date" must be a day that exists: 2026-13-45 is not in the calendar')
    expect(r.stderr).toContain(
      'letters/time.md:2:7 error field "date" must be a date written YYYY-MM-DD: 2026-02-30T09:00 looks like one but is not',
    )
    expect(r.stderr).toContain(
      'letters/short.md:2:7 error field "date" must be a date written YYYY-MM-DD: 2026-1-5 looks like one but is not',
    )
    expect(pdfsIn(join(dir, 'output'))).toEqual(['free.pdf'])
    expect((await readPdf(readFileSync(join(dir, 'output/free.pdf')))).text.join('\n')).toContain('Spring 2027')
  })

  test('a lang whose language or region is unknown is a warning naming lang and its line; the letter renders', () => {
    const dir = project({
      'letters/xx.md': `---\nsubject: Hi\nlang: xx-YY\n---\n${BODY}`,
      'letters/region.md': `---\nlang: de-QQ\n---\n${BODY}`,
      'letters/good.md': `---\nlang: zh-Hans-CN\n---\n${BODY}`,
      'letters/latam.md': `---\nlang: es-419\n---\n${BODY}`,
    })
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('letters/xx.md:3:7 warning lang "xx-YY": "xx" is not a known language')
    expect(r.stderr).toContain('letters/region.md:2:7 warning lang "de-QQ": "QQ" is not a known region')
    expect(r.stderr).not.toContain('good.md')
    expect(r.stderr).not.toContain('latam.md')
  })
})

describe('every mistake in one run', () => {
  test('a letter with three wrong fields reports all three, each with its line:column, also in --json', () => {
    const dir = project({ 'letters/a.md': `---\npaper: A5\nsubject: Hi\nfit: maybe\nmax-pages: 0\n---\n${BODY}` })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(errorLines(r.stderr)).toEqual([
      'letters/a.md:2:8 error field "paper" must be A4 or Letter',
      'letters/a.md:4:6 error field "fit" must be true or false',
      'letters/a.md:5:12 error field "max-pages" must be a whole number of pages, 1 or more',
    ])
    expect(r.stdout).toContain('0 of 1 letter rendered; failed: letters/a.md')
    const json = JSON.parse(letterpress(dir, ['--json']).stdout)
    expect(json.letters[0].error).toEqual({
      message: 'field "paper" must be A4 or Letter',
      line: 2,
      column: 8,
      problems: [
        { message: 'field "paper" must be A4 or Letter', line: 2, column: 8 },
        { message: 'field "fit" must be true or false', line: 4, column: 6 },
        { message: 'field "max-pages" must be a whole number of pages, 1 or more', line: 5, column: 12 },
      ],
    })
  })

  test('a theme file a letter names reports every bad value and unknown key, the unknown one with the nearest known key', () => {
    const dir = project({
      'letters/mine.yaml': 'extends: modern\ncolors:\n  accent: red\n  lnk: "#123456"\nsize:\n  body: 100\ncolours: {}\n',
      'letters/a.md': `---\ntheme: mine.yaml\n---\n${BODY}`,
    })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(errorLines(r.stderr)).toEqual([
      'letters/mine.yaml:3:11 error theme value "colors.accent" must be a colour such as #1f3a5f',
      'letters/mine.yaml:4:3 error unknown theme key "colors.lnk"; did you mean "link"?',
      'letters/mine.yaml:6:9 error theme value "size.body" must be at most 24',
      'letters/mine.yaml:7:1 error unknown theme key "colours"; did you mean "colors"?',
    ])
    const json = JSON.parse(letterpress(dir, ['--json']).stdout)
    expect(json.letters[0].error.file).toBe('letters/mine.yaml')
    expect(json.letters[0].error.problems.map((p: { line: number; column: number }) => `${p.line}:${p.column}`)).toEqual([
      '3:11',
      '4:3',
      '6:9',
      '7:1',
    ])
  })
})

describe('a broken project config or --theme is bad usage', () => {
  test('an unknown theme in the project config exits 2 with its line, before anything renders', () => {
    const dir = project({ 'letterpress.config.yaml': 'lang: en-GB\ntheme: fancy\n', 'letters/a.md': BODY })
    const r = letterpress(dir, [])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('letterpress.config.yaml:2:8 error unknown theme "fancy"; built-in themes: classic, modern, din5008')
    expect(r.stdout).not.toContain('letters/a.md')
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })

  test('a project config with two wrong fields exits 2 naming both, each with its line', () => {
    const dir = project({ 'letterpress.config.yaml': 'paper: A5\nlang: en-GB\nhyphenate: often\n', 'letters/a.md': BODY })
    const r = letterpress(dir, [])
    expect(r.code).toBe(2)
    expect(errorLines(r.stderr)).toEqual([
      'letterpress.config.yaml:1:8 error field "paper" must be A4 or Letter',
      'letterpress.config.yaml:3:12 error field "hyphenate" must be true or false',
    ])
  })

  test('project config colours the themes cannot take exit 2 before anything renders, an unknown name with the nearest one', () => {
    const dir = project({ 'letterpress.config.yaml': 'colors:\n  accent: red\n  acent: "#123456"\n', 'letters/a.md': BODY })
    const r = letterpress(dir, [])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('letterpress.config.yaml error theme value "colors.accent" must be a colour such as #1f3a5f')
    expect(r.stderr).toContain('letterpress.config.yaml error unknown theme key "colors.acent"; did you mean "accent"?')
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })

  test('a wrong extends and a bad value in one theme file are both named', () => {
    const dir = project({ 'mine.yaml': 'extends: fancy\nsize:\n  body: 1\n', 'letters/a.md': BODY })
    const r = letterpress(dir, ['--theme', 'mine.yaml'])
    expect(r.code).toBe(2)
    expect(errorLines(r.stderr)).toEqual([
      'mine.yaml:1:10 error "extends" must name a built-in theme (classic, modern, din5008)',
      'mine.yaml:3:9 error theme value "size.body" must be at least 6',
    ])
  })

  test('a broken theme file named by the project config exits 2 with every problem', () => {
    const dir = project({
      'letterpress.config.yaml': 'theme: themes/bad.yaml\n',
      'themes/bad.yaml': 'size:\n  body: 1\npage:\n  headerOfset: 3\n',
      'letters/a.md': BODY,
    })
    const r = letterpress(dir, [])
    expect(r.code).toBe(2)
    expect(errorLines(r.stderr)).toEqual([
      'themes/bad.yaml:2:9 error theme value "size.body" must be at least 6',
      'themes/bad.yaml:4:3 error unknown theme key "page.headerOfset"; did you mean "headerOffset"?',
    ])
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })

  test('a broken --theme file exits 2 with its line, also with --json, and renders nothing', () => {
    const dir = project({ 'mine.yaml': 'extends: modern\ncolors:\n  accent: red\n', 'letters/a.md': BODY })
    for (const args of [[], ['--json']]) {
      const r = letterpress(dir, ['--theme', 'mine.yaml', ...args])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('mine.yaml:3:11 error theme value "colors.accent" must be a colour such as #1f3a5f')
      expect(existsSync(join(dir, 'output'))).toBe(false)
    }
  })

  test('Letter-paper values of a theme file are checked up front too', () => {
    const dir = project({ 'mine.yaml': 'letterPaper:\n  size:\n    body: 99\n', 'letters/a.md': BODY })
    const r = letterpress(dir, ['--theme', 'mine.yaml'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('mine.yaml:3:11 error theme value "letterPaper.size.body" must be at most 24')
  })
})

describe('--fit and the summary', () => {
  test('--fit or fit: true without max-pages is a warning saying it does nothing', () => {
    const dir = project({
      'letters/a.md': BODY,
      'letters/b.md': `---\nsubject: Hi\nfit: true\n---\n${BODY}`,
      'letters/c.md': `---\nmax-pages: 2\n---\n${BODY}`,
    })
    const cli = letterpress(dir, ['--fit'])
    expect(cli.code, cli.stderr).toBe(0)
    expect(cli.stderr).toContain(
      'letters/a.md warning --fit does nothing without max-pages: set max-pages: N in the front matter or --max-pages N',
    )
    expect(cli.stderr).not.toContain('letters/c.md')
    const own = letterpress(dir, [])
    expect(own.stderr).toContain(
      'letters/b.md:3:6 warning fit: true does nothing without max-pages: set max-pages: N in the front matter or --max-pages N',
    )
    expect(own.stderr).not.toContain('letters/a.md')
  })
})
