// Code keeps its whitespace and tables are sized by their content, read back with positions and with the
// extractors résumé parsers use (poppler's pdftotext -layout, pdfminer.six's pdf2txt).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
import { readBacks } from '../helpers/extractors.js'
import { readPdf } from '../helpers/pdf.js'

const HEAD = '---\nfrom:\n  name: Kim Lee\ndate: 2026-01-05\n---\n\nDear Sam,\n\n'
const END = '\nBest regards,\nKim Lee\n'
const PYTHON = 'def f(x):\n    if x:\n\treturn x\n    return 0\n'
const YAML = 'jobs:\n  test:\n    runs-on: ubuntu-latest\n'

/** Render one letter in a theme; returns the exit code, stderr and the PDF's path. */
function render(body: string, theme = 'classic') {
  const dir = project({ 'letters/a.md': HEAD + body + END })
  const r = letterpress(dir, ['--theme', theme])
  return { ...r, pdf: join(dir, 'output/a.pdf') }
}

describe('code keeps its whitespace', () => {
  test.each(['classic', 'modern', 'din5008'])('%s: indented lines sit further right by their indent, tabs at stops of 4', async (theme) => {
    const r = render('```python\n' + PYTHON + '```\n\nAnd `a\tb` inline.\n', theme)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const facts = await readPdf(readFileSync(r.pdf))
    const x = (word: string) => facts.items.filter((i) => i.str.trim().startsWith(word)).map((i) => i.x)
    const [def] = x('def')
    const [ifX] = x('if')
    const returns = x('return')
    expect(def).toBeDefined()
    // Noto Sans Mono: 0.6 em a character; four columns of indent at the theme's code size.
    const column = (ifX! - def!) / 4
    expect(column).toBeGreaterThan(4)
    expect(returns.map((at) => Math.round((at - def!) / column))).toEqual([4, 4])
  })

  test('pdftotext -layout and pdf2txt give the snippets back copy-pasteable', () => {
    const r = render('```python\n' + PYTHON + '```\n\n```yaml\n' + YAML + '```\n')
    expect(r.code).toBe(0)
    const expected = [...PYTHON.replace('\t', '    ').split('\n'), ...YAML.split('\n')].filter(Boolean)
    for (const { command, text } of readBacks(r.pdf, 'code')) {
      const lines = text.split('\n')
      const start = lines.findIndex((line) => line.trim() === 'def f(x):')
      expect(start, command).toBeGreaterThanOrEqual(0)
      const indent = lines[start]!.length - lines[start]!.trimStart().length
      const block = lines.filter((line) => expected.includes(line.slice(indent)))
      expect(
        block.map((line) => line.slice(indent)),
        command,
      ).toEqual(expected)
    }
  })
})

const SKILLS =
  '| Skill | Years | Level |\n|:------|------:|:-----:|\n| TypeScript | 7 | expert |\n| Go | 3 | good |\n| Python | 5 | good |\n'
const LONG =
  '| Skill | Description | Years |\n|:--|:--|--:|\n' +
  '| TypeScript | Built compilers, command-line tools and a PDF renderer over many years of careful work for clients in three countries | 7 |\n' +
  '| Go | Services | 3 |\n'

describe('tables are sized by their content', () => {
  test('a long cell gets the width, short columns keep their words, right alignment holds, and the table stays inside the text width', async () => {
    const r = render(LONG)
    expect(r.code).toBe(0)
    const facts = await readPdf(readFileSync(r.pdf))
    const item = (s: string) => facts.items.find((i) => i.str.trim() === s || i.str.trim().startsWith(s + ' '))!
    const left = item('Dear Sam,').x
    const right = facts.sizes[0]![0] - left
    const skill = item('Skill')
    const description = item('Description')
    const years = item('Years')
    // Equal columns gave each a third of the text width; the first column now holds just its longest word.
    expect(description.x - skill.x).toBeLessThan((right - left) / 4)
    expect(description.x - skill.x).toBeGreaterThan(item('TypeScript').width)
    for (const i of facts.items.filter((i) => i.y > skill.y - 1 && i.y < item('Best regards,').y))
      expect(i.x + i.width).toBeLessThanOrEqual(right + 0.5)
    // The Years column is right-aligned: its cells end where its header ends.
    const end = (i: { x: number; width: number }) => i.x + i.width
    expect(Math.abs(end(item('7')) - end(years))).toBeLessThan(0.5)
    expect(Math.abs(end(item('3')) - end(years))).toBeLessThan(0.5)
  })

  test('pdftotext -layout and pdf2txt read the table row by row, each row on one line in order', () => {
    const r = render(SKILLS)
    expect(r.code).toBe(0)
    const rows = [/Skill\s+Years\s+Level/, /TypeScript\s+7\s+expert/, /Go\s+3\s+good/, /Python\s+5\s+good/]
    for (const { command, text } of readBacks(r.pdf, 'tables')) {
      const lines = text.split('\n')
      const at = rows.map((row) => lines.findIndex((line) => row.test(line)))
      expect(
        at.every((n) => n >= 0),
        `${command}:\n${text}`,
      ).toBe(true)
      expect(
        [...at].sort((a, b) => a - b),
        command,
      ).toEqual(at)
    }
  })
})
