// The plain-text twin on the command line: --txt (or txt: true) writes NAME.txt beside each PDF, reports it,
// keeps it in the re-run record, and writes nothing for a letter that fails.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { copyInto, letterpress, project } from '../helpers/cli.js'

const env = { SOURCE_DATE_EPOCH: '1790000000' }

const letter = (to: string, extra = '') =>
  `---\nfrom: Kai Berg\nto: ${to}\ndate: 2026-11-24\n${extra}---\n\nDear ${to},\n\nA short letter.\n\nBest regards,\nKai Berg\n`

const TWIN = (to: string) => `Kai Berg\n\nNovember 24, 2026\n\n${to}\n\nDear ${to},\n\nA short letter.\n\nBest regards,\nKai Berg\n`

describe('--txt', () => {
  test('writes NAME.txt beside each PDF, in subfolders too, and names it in the ✓ line', () => {
    const dir = project({ 'letters/a.md': letter('Ada'), 'letters/acme/b.md': letter('Bo') })
    const run = letterpress(dir, ['letters', '--txt'], env)
    expect(run.code).toBe(0)
    expect(readFileSync(join(dir, 'output/a.txt'), 'utf8')).toBe(TWIN('Ada'))
    expect(readFileSync(join(dir, 'output/acme/b.txt'), 'utf8')).toBe(TWIN('Bo'))
    expect(run.stdout).toMatch(/^✓ letters\/a\.md → output\/a\.pdf, output\/a\.txt {2}1 page, /m)
    expect(run.stdout).toMatch(/^✓ letters\/acme\/b\.md → output\/acme\/b\.pdf, output\/acme\/b\.txt {2}1 page, /m)
  })

  test('without --txt or txt: true no text is written, and the line names the PDF alone', () => {
    const dir = project({ 'letters/a.md': letter('Ada') })
    const run = letterpress(dir, ['letters'], env)
    expect(run.code).toBe(0)
    expect(existsSync(join(dir, 'output/a.txt'))).toBe(false)
    expect(run.stdout).toMatch(/^✓ letters\/a\.md → output\/a\.pdf {2}1 page/m)
  })

  test('txt: true in front matter or in the project config does the same; txt: false in a letter overrides the config', () => {
    const dir = project({
      'letters/own.md': letter('Ada', 'txt: true\n'),
      'letters/plain.md': letter('Bo'),
      'other/by-config.md': letter('Cy'),
      'other/not.md': letter('Di', 'txt: false\n'),
    })
    expect(letterpress(dir, ['letters'], env).code).toBe(0)
    expect(readFileSync(join(dir, 'output/own.txt'), 'utf8')).toBe(TWIN('Ada'))
    expect(existsSync(join(dir, 'output/plain.txt'))).toBe(false)
    writeFileSync(join(dir, 'letterpress.config.yaml'), 'txt: true\n')
    expect(letterpress(dir, ['other', '-o', 'out2'], env).code).toBe(0)
    expect(readFileSync(join(dir, 'out2/by-config.txt'), 'utf8')).toBe(TWIN('Cy'))
    expect(existsSync(join(dir, 'out2/not.txt'))).toBe(false)
    expect(existsSync(join(dir, 'out2/not.pdf'))).toBe(true)
  })

  test('--txt-wrap sets the width: 0 is one line per paragraph', () => {
    const long = 'This sentence is long enough to wrap at forty columns, and longer still.'
    const dir = project({ 'letters/a.md': `Dear Ann,\n\n${long}\n` })
    expect(letterpress(dir, ['letters', '--txt', '--txt-wrap', '0'], env).code).toBe(0)
    expect(readFileSync(join(dir, 'output/a.txt'), 'utf8')).toContain(`\n${long}\n`)
    expect(letterpress(dir, ['letters', '--txt', '--txt-wrap', '40'], env).code).toBe(0)
    expect(readFileSync(join(dir, 'output/a.txt'), 'utf8')).toContain(
      '\nThis sentence is long enough to wrap at\nforty columns, and longer still.\n',
    )
  })

  test('--json lists the text beside the PDF; without it there is no "txt" key', () => {
    const dir = project({ 'letters/a.md': letter('Ada') })
    const run = letterpress(dir, ['letters', '--txt', '--json'], env)
    expect(run.code).toBe(0)
    const [entry] = JSON.parse(run.stdout).letters
    expect(entry).toMatchObject({ input: 'letters/a.md', output: 'output/a.pdf', txt: 'output/a.txt', error: null })
    const plain = JSON.parse(letterpress(dir, ['letters', '--json', '--force'], env).stdout).letters[0]
    expect(plain).not.toHaveProperty('txt')
  })

  test('mail merge writes one text per row, its placeholders filled', () => {
    const dir = project({
      'letters/cover.md': '---\nto: "{{name}}"\ndate: false\n---\n\nDear {{name}},\n\nHello.\n',
      'people.csv': 'name\nAnn Smith\nBo Chen\n',
    })
    expect(letterpress(dir, ['letters', '--data', 'people.csv', '--txt'], env).code).toBe(0)
    expect(readFileSync(join(dir, 'output/cover-1.txt'), 'utf8')).toBe('Ann Smith\n\nDear Ann Smith,\n\nHello.\n')
    expect(readFileSync(join(dir, 'output/cover-2.txt'), 'utf8')).toBe('Bo Chen\n\nDear Bo Chen,\n\nHello.\n')
  })

  test('goes with --check: the PDF read back, then both written', () => {
    const dir = project()
    copyInto(dir, 'tests/text/seed-cover-letter.md', 'letters/seed.md')
    const run = letterpress(dir, ['letters', '--txt', '--check'], env)
    expect(run.code).toBe(0)
    expect(readFileSync(join(dir, 'output/seed.txt'), 'utf8')).toContain('\nSincerely,\nHan Xiao\n')
  })
})

describe('a failed letter writes neither file', () => {
  test('exit 1; the failed letter leaves no PDF and no text, the others are written', () => {
    const dir = project({ 'letters/a.md': letter('Ada'), 'letters/b.md': letter('Bo', 'max-pages: 1\n') + 'word '.repeat(3000) })
    const run = letterpress(dir, ['letters', '--txt'], env)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^✗ letters\/b\.md {2}failed/m)
    expect(existsSync(join(dir, 'output/b.pdf'))).toBe(false)
    expect(existsSync(join(dir, 'output/b.txt'))).toBe(false)
    expect(readFileSync(join(dir, 'output/a.txt'), 'utf8')).toBe(TWIN('Ada'))
  })

  test('a bad --txt-wrap is bad usage (exit 2), before anything renders', () => {
    const dir = project({ 'letters/a.md': letter('Ada') })
    for (const value of ['-1', 'wide', '7.5', '']) {
      const run = letterpress(dir, ['letters', '--txt', `--txt-wrap=${value}`], env)
      expect(run.code, value).toBe(2)
      expect(run.stderr).toContain(`--txt-wrap must be a whole number of columns (0 for no wrapping), not "${value}"`)
    }
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })
})

describe('re-runs', () => {
  test('an unchanged letter with its text is unchanged; its text deleted or edited, it is written again', () => {
    const dir = project({ 'letters/a.md': letter('Ada') })
    expect(letterpress(dir, ['letters', '--txt'], env).code).toBe(0)
    const again = letterpress(dir, ['letters', '--txt'], env)
    expect(again.stdout).toMatch(/^· letters\/a\.md → output\/a\.pdf, output\/a\.txt {2}unchanged$/m)
    expect(JSON.parse(letterpress(dir, ['letters', '--txt', '--json'], env).stdout).letters[0]).toMatchObject({
      status: 'unchanged',
      txt: 'output/a.txt',
    })

    rmSync(join(dir, 'output/a.txt'))
    const deleted = letterpress(dir, ['letters', '--txt'], env)
    expect(deleted.stdout).toMatch(/^✓ letters\/a\.md → output\/a\.pdf, output\/a\.txt {2}1 page/m)
    expect(readFileSync(join(dir, 'output/a.txt'), 'utf8')).toBe(TWIN('Ada'))

    writeFileSync(join(dir, 'output/a.txt'), 'edited')
    expect(letterpress(dir, ['letters', '--txt'], env).stdout).toMatch(/^✓ letters\/a\.md/m)
    expect(readFileSync(join(dir, 'output/a.txt'), 'utf8')).toBe(TWIN('Ada'))
  })

  test('the txt options are part of the key: --txt, then another --txt-wrap, each render again', () => {
    const dir = project({ 'letters/a.md': letter('Ada') })
    expect(letterpress(dir, ['letters'], env).code).toBe(0)
    expect(letterpress(dir, ['letters'], env).stdout).toMatch(/^· letters\/a\.md/m)
    expect(letterpress(dir, ['letters', '--txt'], env).stdout).toMatch(/^✓ letters\/a\.md/m)
    expect(existsSync(join(dir, 'output/a.txt'))).toBe(true)
    expect(letterpress(dir, ['letters', '--txt', '--txt-wrap', '30'], env).stdout).toMatch(/^✓ letters\/a\.md/m)
    expect(letterpress(dir, ['letters', '--txt', '--txt-wrap', '30'], env).stdout).toMatch(/^· letters\/a\.md/m)
  })
})
