import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { copyInto, letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const GOOD = '# A letter\n\nDear Sam,\n\nThank you for your time.\n\nBest regards,\nKim Lee\n'
const TWO_PAGES = `Dear Sam,\n\n${Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of a long letter that keeps going and going, as some letters do.`).join('\n\n')}\n`

describe('letterpress command line', () => {
  test('renders every letter in letters/ into output/ by default, one line each and a summary', async () => {
    const dir = project()
    copyInto(dir, 'letters', 'letters')
    const r = letterpress(dir, [])
    expect(r.code).toBe(0)
    const letters = readdirSync(join(dir, 'letters')).filter((f) => f.endsWith('.md'))
    const pdfs = readdirSync(join(dir, 'output')).filter((f) => f.endsWith('.pdf'))
    expect(pdfs).toHaveLength(letters.length)
    for (const letter of letters)
      expect(r.stdout).toMatch(new RegExp(`✓ letters/${letter} → output/\\S+\\.pdf  (1 page|\\d+ pages), [\\d.]+ KB, \\d+ ms`))
    expect(r.stdout).toContain(`${letters.length} of ${letters.length} letters rendered`)
    for (const pdf of pdfs) expect((await readPdf(readFileSync(join(dir, 'output', pdf)))).pages).toBeGreaterThan(0)
  })

  test('takes files, folders and globs, and --out', () => {
    const dir = project({ 'a/one.md': GOOD, 'a/sub/two.md': GOOD, 'b/three.md': GOOD, 'c.md': GOOD })
    const r = letterpress(dir, ['a', 'b/*.md', 'c.md', '--out', 'pdfs'])
    expect(r.code, r.stderr).toBe(0)
    // A letter in a subfolder of a folder input keeps its subfolder in the output.
    expect(readdirSync(join(dir, 'pdfs')).sort()).toEqual(['c.pdf', 'one.pdf', 'sub', 'three.pdf'])
    expect(readdirSync(join(dir, 'pdfs/sub'))).toEqual(['two.pdf'])
  })

  test('--json prints one report on stdout and nothing else', () => {
    const dir = project({ 'letters/ok.md': GOOD, 'letters/warn.md': `---\nform: Kim\n---\n\n${GOOD}` })
    const r = letterpress(dir, ['--json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.ok).toBe(true)
    expect(report.letters).toHaveLength(2)
    const [ok, warn] = report.letters
    expect(ok).toMatchObject({ input: 'letters/ok.md', output: 'output/ok.pdf', pages: 1, error: null, warnings: [] })
    expect(ok.bytes).toBe(statSync(join(dir, 'output/ok.pdf')).size)
    expect(ok.ms).toBeGreaterThan(0)
    expect(warn.warnings).toEqual([
      { message: 'unknown field "form"; did you mean "from"?', line: 2, column: 1, source: 'letterpress:meta' },
    ])
  })

  test('a failing letter is reported with file:line:column, the others are still written, exit 1', () => {
    const dir = project({
      'letters/a-good.md': GOOD,
      'letters/b-bad.md': '---\nsubject: x\nto: 42\n---\n\nDear Sam,\n',
      'letters/c-good.md': GOOD,
    })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/b-bad.md:3:5 error field "to" must be a name or a mapping')
    expect(r.stdout).toContain('✗ letters/b-bad.md  failed')
    expect(r.stdout).toContain('2 of 3 letters rendered; failed: letters/b-bad.md')
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['a-good.pdf', 'c-good.pdf'])
  })

  test('warnings are printed like remark: file:line:column warning message', () => {
    const dir = project({ 'letters/x.md': `---\nform: Kim\n---\n\n${GOOD}\n<div>hi</div>\n` })
    const r = letterpress(dir, [])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('letters/x.md:2:1 warning unknown field "form"; did you mean "from"?')
    expect(r.stderr).toMatch(/letters\/x\.md:1[0-9]:1 warning raw HTML is not rendered: <div>hi<\/div>/)
    expect(r.stdout).toContain('2 warnings')
  })

  test('a failed render leaves the earlier PDF untouched and no temporary files', () => {
    const dir = project({ 'letters/x.md': GOOD })
    expect(letterpress(dir, []).code).toBe(0)
    const before = readFileSync(join(dir, 'output/x.pdf'))
    writeFileSync(join(dir, 'letters/x.md'), '---\nfrom: [unclosed\n---\n\nDear Sam,\n')
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/letters\/x\.md:\d+:\d+ error invalid YAML front matter/)
    expect(readFileSync(join(dir, 'output/x.pdf')).equals(before)).toBe(true)
    expect(readdirSync(join(dir, 'output'))).toEqual(['x.pdf'])
  })

  test('two letters that name the same output: the second fails, the first is kept', async () => {
    const same = (who: string) => `---\noutput: letter.pdf\nfrom: ${who}\n---\n\n${GOOD}`
    const dir = project({ 'letters/1.md': same('First Writer'), 'letters/2.md': same('Second Writer') })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/2.md error output output/letter.pdf is already written by letters/1.md')
    const pdf = await readPdf(readFileSync(join(dir, 'output/letter.pdf')))
    expect(pdf.info.Author).toBe('First Writer')
  })

  test('--max-pages fails a longer letter with its page count', () => {
    const dir = project({ 'letters/long.md': TWO_PAGES })
    const r = letterpress(dir, ['--max-pages', '1'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/letters\/long\.md error letter runs to [2-9] pages; at most 1 allowed/)
    expect(existsSync(join(dir, 'output/long.pdf'))).toBe(false)
  })

  test('config layering: defaults → letterpress.config.yaml → front matter → flags', async () => {
    const dir = project({
      'letterpress.config.yaml': 'from:\n  name: Config Name\n  email: me@example.com\npaper: Letter\n',
      'letters/plain.md': GOOD,
      'letters/override.md': `---\nfrom:\n  name: Front Name\npaper: A4\n---\n\n${GOOD}`,
    })
    expect(letterpress(dir, []).code).toBe(0)
    const plain = await readPdf(readFileSync(join(dir, 'output/plain.pdf')))
    expect(plain.sizes[0]).toEqual([612, 792])
    expect(plain.text[0]).toContain('Config Name')
    expect(plain.links.map((l) => l.url)).toContain('mailto:me@example.com')
    const override = await readPdf(readFileSync(join(dir, 'output/override.pdf')))
    expect(override.sizes[0]).toEqual([595, 842])
    expect(override.text[0]).toContain('Front Name')
    expect(override.links.map((l) => l.url)).toContain('mailto:me@example.com') // merged from the config
    expect(letterpress(dir, ['--paper', 'letter']).code).toBe(0)
    expect((await readPdf(readFileSync(join(dir, 'output/override.pdf')))).sizes[0]).toEqual([612, 792])
  })

  test('the letterpress key in package.json is read when there is no config file', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'x', letterpress: { from: 'Package Person' } }),
      'letters/a.md': '# Hi\n\nDear Sam,\n\nText.\n',
    })
    expect(letterpress(dir, []).code).toBe(0)
    expect((await readPdf(readFileSync(join(dir, 'output/a.pdf')))).text[0]).toContain('Package Person')
  })

  test('a broken config names its file and line and stops with exit 2', () => {
    const dir = project({ 'letterpress.config.yaml': 'paper: A5\n', 'letters/a.md': GOOD })
    const r = letterpress(dir, [])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('letterpress.config.yaml:1:8 error field "paper" must be A4 or Letter')
  })

  test('a font dropped into fonts/ can be named by family in front matter', async () => {
    const dir = project({ 'letters/a.md': `---\nfont: Noto Sans Display\n---\n\n${GOOD}` })
    copyInto(dir, 'tests/fixtures-fonts', 'fonts')
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    const pdf = await readPdf(readFileSync(join(dir, 'output/a.pdf')))
    expect(pdf.fonts.map((f) => f.name).join(' ')).toMatch(/\+NotoSansDisplay-Regular/)
    for (const font of pdf.fonts) expect(font.embedded).toBe(true)
  })

  test('an unknown font family is a warning, and the theme font is used', () => {
    const dir = project({ 'letters/a.md': `---\nfont: No Such Face\n---\n\n${GOOD}` })
    const r = letterpress(dir, [])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('warning font family "No Such Face" not found')
  })

  test('bad usage exits 2 with a hint; --help and --version exit 0', () => {
    const dir = project({ 'letters/a.md': GOOD })
    for (const args of [['--bogus'], ['--paper', 'A5'], ['--max-pages', 'zero'], ['--theme', 'nope'], ['missing.md']]) {
      const r = letterpress(dir, args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toContain('Try "letterpress --help".')
      expect(existsSync(join(dir, 'output'))).toBe(false)
    }
    const help = letterpress(dir, ['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: letterpress [inputs…] [options]')
    const version = letterpress(dir, ['-v'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version)
  })

  test('SOURCE_DATE_EPOCH makes two renders byte-identical and fixes "today"', async () => {
    const dir = project({ 'letters/a.md': `---\ndate: today\nlang: en-GB\n---\n\n${GOOD}` })
    const env = { SOURCE_DATE_EPOCH: '1790000000' }
    expect(letterpress(dir, [], env).code).toBe(0)
    const first = readFileSync(join(dir, 'output/a.pdf'))
    // --force: a second render, not a letter found unchanged.
    const again = letterpress(dir, ['--force'], env)
    expect(again.stdout).toContain('✓ letters/a.md')
    expect(readFileSync(join(dir, 'output/a.pdf')).equals(first)).toBe(true)
    expect((await readPdf(first)).text[0]).toContain('21 September 2026')
  })
})
