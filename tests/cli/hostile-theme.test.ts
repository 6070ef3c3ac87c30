// Absurd theme values (margins, sizes, spacing of 1e9, margins wider than the page) fail the letter at once
// with the key and the theme file's line, instead of running into the time limit or out of memory.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'

const LETTER =
  '---\ntheme: house.yaml\nfrom:\n  name: Kim Lee\n---\n\nDear Sam,\n\n## Plans\n\nThank you.\n\n| A | B |\n|---|---|\n| x | y |\n\nBest regards,\nKim Lee\n'

/** Theme files, each with one absurd value, and the key and line the error must name. */
const CASES: [string, string, string, number][] = [
  ['margins of 1e9', '# house style\npage:\n  margin: { top: 1e9, right: 1e9, bottom: 1e9, left: 1e9 }\n', 'page.margin.top', 3],
  [
    'left and right margins wider than the page',
    'extends: classic\npage:\n  margin:\n    left: 250\n    right: 280\n',
    'page.margin.right',
    5,
  ],
  ['a heading size of 1e9', 'size:\n  heading: [1e9, 12, 11, 10.5, 10.5, 10.5]\n', 'size.heading.0', 2],
  ['a paragraph space of 1e9', 'space:\n  paragraph: 1e9\n', 'space.paragraph', 2],
  ['a signature height of 1e9', 'extends: modern\nsignature:\n  height: 1e9\n', 'signature.height', 3],
  ['a table border of 1e9', 'table:\n  cellPadding: 4\n  borderWidth: 1e9\n', 'table.borderWidth', 3],
  ['a table cell padding of 1e9', 'table:\n  cellPadding: 1e9\n', 'table.cellPadding', 2],
  ['a rule of 1e9', 'rule:\n  width: 1e9\n', 'rule.width', 2],
  ['a running header below the top margin', 'page:\n  margin: { top: 20 }\n  headerOffset: 30\n', 'page.headerOffset', 3],
  ['a letterhead band deeper than the top margin', 'extends: modern\nletterhead:\n  bandHeight: 1e4\n', 'letterhead.bandHeight', 3],
]

describe('absurd theme values', () => {
  test.each(CASES)('%s: exit 1, the key and the theme file line, no PDF', (_, theme, key, line) => {
    const dir = project({ 'letters/a.md': LETTER, 'letters/house.yaml': theme })
    const r = letterpress(dir, ['--timeout', '20'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`house.yaml:${line}:`)
    expect(r.stderr).toContain(`theme value "${key}" must be`)
    expect(r.stderr).not.toContain('took longer')
    expect(existsSync(join(dir, 'output/a.pdf'))).toBe(false)
  })

  test('margins wider than the page say how wide the other margin leaves room for', () => {
    const dir = project({ 'letters/a.md': LETTER, 'letters/house.yaml': 'page:\n  margin: { left: 250, right: 240 }\n' })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /house\.yaml:2:\d+ error theme value "page\.margin\.left" must be at most 213\.5 pt: with page\.margin\.right at 240 pt, the text area on A4 paper \(595\.3 pt wide\) must stay at least 141\.7 pt \(50 mm\) wide/,
    )
  })

  test('a margin past its bound says the bound', () => {
    const dir = project({ 'letters/a.md': LETTER, 'letters/house.yaml': 'page:\n  margin:\n    bottom: 1e9\n' })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('house.yaml:3:13 error theme value "page.margin.bottom" must be at most 283.46')
  })
})
