// The plain-text twin over several runs, and --txt-wrap without a twin to wrap.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'

const env = { SOURCE_DATE_EPOCH: '1790000000' }
const LETTER = '---\nfrom: Kai Berg\n---\n\nDear Ada,\n\nA short letter.\n\nBest regards,\nKai Berg\n'

describe('the twin over several runs', () => {
  test('a run without --txt removes the twin an earlier run wrote, when it is as written', () => {
    const dir = project({ 'letters/a.md': LETTER })
    expect(letterpress(dir, ['letters', '--txt'], env).code).toBe(0)
    expect(existsSync(join(dir, 'output/a.txt'))).toBe(true)
    const run = letterpress(dir, ['letters'], env)
    expect(run.code, run.stderr).toBe(0)
    expect(existsSync(join(dir, 'output/a.pdf'))).toBe(true)
    expect(existsSync(join(dir, 'output/a.txt'))).toBe(false)
  })

  test('a twin edited since, or one letterpress did not write, stays', () => {
    const dir = project({ 'letters/a.md': LETTER, 'output/b.txt': 'my own notes\n', 'letters/b.md': LETTER })
    expect(letterpress(dir, ['letters/a.md', '--txt'], env).code).toBe(0)
    writeFileSync(join(dir, 'output/a.txt'), 'Edited by hand.\n')
    expect(letterpress(dir, ['letters'], env).code).toBe(0)
    expect(readFileSync(join(dir, 'output/a.txt'), 'utf8')).toBe('Edited by hand.\n')
    expect(readFileSync(join(dir, 'output/b.txt'), 'utf8')).toBe('my own notes\n')
  })
})

describe('--txt-wrap', () => {
  test('without --txt or txt: true is a warning saying it does nothing; with either, none', () => {
    const dir = project({ 'letters/a.md': LETTER, 'letters/b.md': LETTER.replace('---\n\n', 'txt: true\n---\n\n') })
    const run = letterpress(dir, ['letters', '--txt-wrap', '40'], env)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain(
      'letters/a.md warning --txt-wrap does nothing without --txt: add --txt or set txt: true in the front matter',
    )
    expect(run.stderr).not.toContain('letters/b.md')
    expect(existsSync(join(dir, 'output/a.txt'))).toBe(false)
    expect(letterpress(dir, ['letters', '--txt', '--txt-wrap', '40'], env).stderr).not.toContain('--txt-wrap does nothing')
  })
})
