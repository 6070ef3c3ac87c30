import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const letter = (n: number) =>
  `---\nfrom: Writer ${n}\nsubject: Letter number ${n}\n---\n\nDear Sam,\n\nThis is letter ${n}.\n\nBest regards,\nKim Lee\n`
const BAD = '---\nfrom: [unclosed\n---\n\nDear Sam,\n'
const env = { SOURCE_DATE_EPOCH: '1790000000' }

type Entry = {
  input: string
  output: string | null
  pages: number
  bytes: number
  ms: number
  warnings: unknown[]
  error: { message: string } | null
}
const report = (stdout: string) => JSON.parse(stdout) as { ok: boolean; letters: Entry[] }

describe('--jobs', () => {
  test('a batch rendered two at a time matches one at a time: order, outputs, exit code and PDF bytes', () => {
    // Six good letters and a bad one in the middle; input order is the sorted paths.
    const files: Record<string, string> = {}
    for (const [i, name] of ['a', 'b', 'c', 'e', 'f', 'g'].entries()) files[`letters/${name}.md`] = letter(i + 1)
    files['letters/d-bad.md'] = BAD
    const dir = project(files)
    const inputs = ['letters/a.md', 'letters/b.md', 'letters/c.md', 'letters/d-bad.md', 'letters/e.md', 'letters/f.md', 'letters/g.md']

    const one = letterpress(dir, ['--jobs', '1', '--json', '--out', 'one'], env)
    const two = letterpress(dir, ['--jobs', '2', '--json', '--out', 'two'], env)
    expect(one.code, one.stderr).toBe(1)
    expect(two.code, two.stderr).toBe(1)
    const [r1, r2] = [report(one.stdout), report(two.stdout)]
    expect(r1.letters.map((l) => l.input)).toEqual(inputs)
    expect(r2.letters.map((l) => l.input)).toEqual(inputs)
    // Each entry is about its own letter: the bad one fails, the rest have their own output.
    for (const [r, out] of [
      [r1, 'one'],
      [r2, 'two'],
    ] as const) {
      expect(r.ok).toBe(false)
      expect(r.letters.map((l) => l.output)).toEqual(
        inputs.map((i) => (i.includes('bad') ? null : `${out}/${i.slice('letters/'.length, -3)}.pdf`)),
      )
      expect(r.letters[3]!.error?.message).toMatch(/invalid YAML front matter/)
      for (const l of r.letters) if (!l.input.includes('bad')) expect(l.error).toBeNull()
    }
    // Same entries apart from time and folder.
    const strip = (r: typeof r1, out: string) => r.letters.map(({ ms: _, ...l }) => ({ ...l, output: l.output?.replace(`${out}/`, '') }))
    expect(strip(r2, 'two')).toEqual(strip(r1, 'one'))

    const pdfs = readdirSync(join(dir, 'one')).sort()
    expect(pdfs).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'e.pdf', 'f.pdf', 'g.pdf'])
    expect(readdirSync(join(dir, 'two')).sort()).toEqual(pdfs)
    for (const pdf of pdfs) {
      const bytes = readFileSync(join(dir, 'one', pdf))
      expect(readFileSync(join(dir, 'two', pdf)).equals(bytes), pdf).toBe(true)
    }
    // Not all the same file: each letter is rendered from its own source.
    expect(new Set(pdfs.map((pdf) => readFileSync(join(dir, 'one', pdf)).toString('latin1'))).size).toBe(pdfs.length)
  })

  test('colliding outputs: the first letter in input order is kept even when it finishes last', async () => {
    // 1.md is long (several pages) so the short 2.md, rendered alongside, finishes first.
    const long = Array.from(
      { length: 90 },
      (_, i) => `Paragraph ${i} of a long letter that keeps going and going, as some letters do.`,
    ).join('\n\n')
    const dir = project({
      'letters/1.md': `---\noutput: letter.pdf\nfrom: First Writer\n---\n\nDear Sam,\n\n${long}\n`,
      'letters/2.md': '---\noutput: letter.pdf\nfrom: Second Writer\n---\n\nDear Sam,\n\nShort.\n',
    })
    const r = letterpress(dir, ['-j', '2', '--json'], env)
    expect(r.code, r.stderr).toBe(1)
    const [first, second] = report(r.stdout).letters
    expect(first).toMatchObject({ input: 'letters/1.md', output: 'output/letter.pdf', error: null })
    expect(first!.pages).toBeGreaterThan(1)
    expect(second).toMatchObject({ input: 'letters/2.md', output: null })
    expect(second!.error?.message).toContain('output output/letter.pdf is already written by letters/1.md')
    expect(readdirSync(join(dir, 'output'))).toEqual(['letter.pdf'])
    const pdf = await readPdf(readFileSync(join(dir, 'output/letter.pdf')))
    expect(pdf.info.Author).toBe('First Writer')
    expect(pdf.pages).toBe(first!.pages)
  })

  test('more jobs than letters renders each letter once', () => {
    const dir = project({ 'letters/a.md': letter(1), 'letters/b.md': letter(2) })
    const r = letterpress(dir, ['--jobs', '8', '--json'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(report(r.stdout).letters.map((l) => [l.input, l.output])).toEqual([
      ['letters/a.md', 'output/a.pdf'],
      ['letters/b.md', 'output/b.pdf'],
    ])
  })

  test('--jobs must be a whole number of 1 or more: exit 2 with a message, nothing rendered', () => {
    const dir = project({ 'letters/a.md': letter(1) })
    for (const args of [['--jobs', '0'], ['--jobs', 'x'], ['--jobs', '1.5'], ['--jobs', '-1'], ['-j', '0'], ['--jobs']]) {
      const r = letterpress(dir, args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toContain('--jobs')
      expect(r.stderr).toContain('Try "letterpress --help".')
      expect(existsSync(join(dir, 'output'))).toBe(false)
    }
  })
})
