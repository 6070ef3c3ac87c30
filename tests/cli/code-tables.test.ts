// Code keeps its whitespace and tables are sized by their content, read back with positions and with the
// extractors résumé parsers use (poppler's pdftotext -layout, pdfminer.six's pdf2txt).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
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

/** Text of a PDF from an extractor on the PATH, or undefined when it is not installed. */
function extract(command: string, args: string[]): string | undefined {
  const r = spawnSync(command, args, { encoding: 'utf8' })
  return r.error ? undefined : r.stdout
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
    for (const [command, args] of [['pdftotext', ['-layout', r.pdf, '-']], ['pdf2txt', [r.pdf]]] as const) {
      const text = extract(command, [...args])
      if (text === undefined) {
        console.warn(`${command} is not installed: its read-back of code is not tested`)
        continue
      }
      const lines = text.split('\n')
      const start = lines.findIndex((line) => line.trim() === 'def f(x):')
      expect(start, command).toBeGreaterThanOrEqual(0)
      const indent = lines[start]!.length - lines[start]!.trimStart().length
      const block = lines.filter((line) => expected.includes(line.slice(indent)))
      expect(block.map((line) => line.slice(indent)), command).toEqual(expected)
    }
  })
})
