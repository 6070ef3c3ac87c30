import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'

const LETTER =
  '# Note\n\nDear Sam,\n\nThank you for **everything**: the time, the (*patience*) and the [link](https://x.org).\n\nBest regards,\nKim Lee\n'

describe('letterpress check', () => {
  test('a rendered letter passes against its source: exit 0, one line', () => {
    const dir = project({ 'letters/a.md': LETTER })
    expect(letterpress(dir, []).code).toBe(0)
    const r = letterpress(dir, ['check', 'output/a.pdf', '--source', 'letters/a.md'])
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout.trim()).toMatch(/^✓ output\/a\.pdf: 1 page, (\d+)\/\1 words in order \(100\.0 %\)$/)
  })

  test('a PDF that lost words fails with exit 1 and names them; --json gives the report', () => {
    const dir = project({ 'letters/a.md': LETTER, 'other.md': `${LETTER}\nA postscript that the PDF does not have.\n` })
    letterpress(dir, [])
    const r = letterpress(dir, ['check', 'output/a.pdf', '--source', 'other.md'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('missing word "postscript"')
    const json = JSON.parse(letterpress(dir, ['check', 'output/a.pdf', '--source', 'other.md', '--json']).stdout)
    expect(json.ok).toBe(false)
    expect(json.files[0].wordProblems.map((p: { word: string }) => p.word)).toContain('postscript')
  })

  test('--check during a render reads every PDF back and passes', () => {
    const dir = project({ 'letters/a.md': LETTER })
    const r = letterpress(dir, ['--check'])
    expect(r.code, r.stderr).toBe(0)
  })

  test('bad usage: no file, an unreadable file, --source with several PDFs', () => {
    const dir = project({ 'x.pdf': '%PDF-1.4' })
    expect(letterpress(dir, ['check']).code).toBe(2)
    expect(letterpress(dir, ['check', 'missing.pdf']).code).toBe(2)
    writeFileSync(join(dir, 'y.pdf'), '')
    expect(letterpress(dir, ['check', 'x.pdf', 'y.pdf', '--source', 'a.md']).code).toBe(2)
    expect(letterpress(dir, ['check', '--help']).stdout).toContain('Usage: letterpress check FILE.pdf')
  })

  test('a file that is not a readable PDF fails that file, exit 1, no stack trace', () => {
    const dir = project({ 'junk.pdf': '%PDF-1.4 junk' })
    const r = letterpress(dir, ['check', 'junk.pdf'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^✗ junk\.pdf: not a readable PDF: /)
    expect(r.stderr).not.toMatch(/ at /)
  })
})
