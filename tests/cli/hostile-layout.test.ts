// Whatever the letter limits allow renders readably, or fails with a message: deep nesting, rows and notes
// taller than a page, long signer blocks. A render whose own layout loses text never reports success.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { wordsOf } from '../../src/check/words.js'
import { MAX_NESTING } from '../../src/parse/limits.js'
import { letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const HEAD = '---\nfrom:\n  name: Kim Lee\ndate: 2026-01-05\n---\n\nDear Sam,\n\n'
const END = '\nBest regards,\nKim Lee\n'
const words = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`)

/** Render one letter (with extra files) and return the exit code, stderr and the words read back from its PDF. */
async function render(body: string, files: Record<string, string> = {}, head = HEAD) {
  const dir = project({
    'letters/a.md': head + body + END,
    ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`letters/${k}`, v])),
  })
  const r = letterpress(dir, ['--check'])
  let read: string[]
  try {
    read = wordsOf((await readPdf(readFileSync(join(dir, 'output/a.pdf')))).text.join('\n'))
  } catch {
    read = []
  }
  return { ...r, read: new Set(read) }
}

/** Words of `expected` the PDF does not give back. */
const missing = (expected: string[], read: Set<string>) => expected.filter((w) => !read.has(w.toLowerCase()))

describe('deep nesting renders every word', () => {
  test.each([28, 40, MAX_NESTING])('a list nested %i deep: exit 0, --check passes, every word read back', async (depth) => {
    const items = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level${i} word${i}`)
    const r = await render(items.join('\n') + '\n')
    expect(r.stderr).not.toContain('error')
    expect(r.code).toBe(0)
    expect(missing([...words(depth, 'level'), ...words(depth, 'word')], r.read)).toEqual([])
  })

  test(`lists and quotes alternating ${MAX_NESTING} deep, and numbered lists ${MAX_NESTING} deep, read back every word`, async () => {
    let mixed = ''
    let prefix = ''
    for (let i = 0; i < MAX_NESTING / 2; i++) {
      mixed += `${prefix}- item${i}\n`
      prefix += '  '
      mixed += `${prefix}> quote${i}\n`
      prefix += '> '
    }
    const numbered = Array.from({ length: MAX_NESTING }, (_, i) => `${'   '.repeat(i)}1. step${i}`).join('\n')
    for (const [body, expected] of [
      [mixed, [...words(MAX_NESTING / 2, 'item'), ...words(MAX_NESTING / 2, 'quote')]],
      [numbered + '\n', words(MAX_NESTING, 'step')],
    ] as const) {
      const r = await render(body)
      expect(r.code).toBe(0)
      expect(missing([...expected], r.read)).toEqual([])
    }
  })

  test(`${MAX_NESTING} list markers on one line before the text keep the text on the page`, async () => {
    const r = await render(`${'- '.repeat(MAX_NESTING)}the words at the bottom\n`)
    expect(r.code).toBe(0)
    expect(missing(['the', 'words', 'at', 'bottom'], r.read)).toEqual([])
  })
})

describe('blocks taller than a page split instead of losing text', () => {
  const long = words(1000, 'w')

  test('a two-cell table row whose second cell runs over several pages keeps every word', async () => {
    const r = await render(`| Item | Notes |\n|---|---|\n| short | ${long.join(' ')} |\n`)
    expect(r.code).toBe(0)
    expect(missing(['short', ...long], r.read)).toEqual([])
  })

  test('with a theme that keeps list items of up to 40 lines, the row and a long item still split', async () => {
    const head = HEAD.replace('---\n\n', 'theme: keep.yaml\n---\n\n')
    const r = await render(
      `| Item | Notes |\n|---|---|\n| short | ${long.join(' ')} |\n\n- ${words(400, 'li').join(' ')}\n`,
      { 'keep.yaml': 'pagination:\n  keepListItemLines: 40\n' },
      head,
    )
    expect(r.code).toBe(0)
    expect(missing(['short', ...long, ...words(400, 'li')], r.read)).toEqual([])
  })

  test('a footnote longer than a page keeps every word', async () => {
    const r = await render(`A sentence with a note.[^1]\n\n[^1]: ${words(1200, 'n').join(' ')}\n`)
    expect(r.code).toBe(0)
    expect(missing(words(1200, 'n'), r.read)).toEqual([])
  })

  test('a signer block of eighty lines renders (it ran out of memory) and keeps every line', async () => {
    const dir = project({ 'letters/a.md': `${HEAD}Thank you.\n\nBest regards,\n${words(80, 'signer').join('\\\n')}\n` })
    const r = letterpress(dir, ['--check'])
    expect(r.code).toBe(0)
    const read = new Set(wordsOf((await readPdf(readFileSync(join(dir, 'output/a.pdf')))).text.join('\n')))
    expect(missing(words(80, 'signer'), read)).toEqual([])
  })

  test('a signer paragraph of 1,500 words keeps every word', async () => {
    const dir = project({ 'letters/a.md': `${HEAD}Thank you.\n\nBest regards,\n\n${words(1500, 's').join(' ')}\n` })
    const r = letterpress(dir, ['--check'])
    expect(r.code).toBe(0)
    const read = new Set(wordsOf((await readPdf(readFileSync(join(dir, 'output/a.pdf')))).text.join('\n')))
    expect(missing(words(1500, 's'), read)).toEqual([])
  })
})

describe('a layout that loses text fails the letter', () => {
  test('text react-pdf splits past the foot of the page fails with the page and its first words; the other letter is written', () => {
    // A fuzz-found letter: deeply nested task lists and code in a quote that react-pdf splits past the page's end.
    const dir = project({ 'letters/b-good.md': `${HEAD}Thank you.\n${END}` })
    writeFileSync(join(dir, 'letters/a-lost.md'), readFileSync(join(import.meta.dirname, '../fuzz/regressions/split-checkbox.md')))
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/letters\/a-lost\.md error text runs off page \d+ \("[^"]+"\): the layout cannot set it/)
    expect(r.stdout).toContain('1 of 2 letters rendered; failed: letters/a-lost.md')
  })
})
