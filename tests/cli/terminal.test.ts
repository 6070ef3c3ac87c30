// Colours and the progress line are for a person at a terminal: never in pipes, with NO_COLOR or with --json.
// run() is called in-process from the build (dist/), whose render worker exists as JavaScript.
import { describe, expect, test } from 'vitest'
import { run } from '../../dist/cli/run.js'
import type { Io } from '../../dist/cli/io.js'
import { project } from '../helpers/cli.js'

const letter = (n: number) => `Dear Sam,\n\nLetter ${n}.\n\nBest regards,\nKim Lee\n`
const ESC = '\x1b['

/** Run the CLI with a fake terminal; everything it printed, and each progress line. */
async function terminal(
  argv: string[],
  files: Record<string, string>,
  tty: { outTty: boolean; errTty: boolean },
  env: NodeJS.ProcessEnv = {},
) {
  const dir = project(files)
  const out: string[] = []
  const err: string[] = []
  const progress: string[] = []
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, env, progress: (t) => progress.push(t), ...tty }
  const code = await run(argv, io)
  return { code, out: out.join('\n'), err: err.join('\n'), progress }
}

const four = Object.fromEntries([1, 2, 3, 4].map((n) => [`letters/l${n}.md`, letter(n)]))

describe('at a terminal', () => {
  test('a batch shows one progress line per letter, cleared before each result, and coloured marks', async () => {
    const r = await terminal(['--jobs', '1'], four, { outTty: true, errTty: true })
    expect(r.code).toBe(0)
    expect(r.progress.filter((p) => p !== '')).toEqual([
      '[1/4] letters/l1.md…',
      '[2/4] letters/l2.md…',
      '[3/4] letters/l3.md…',
      '[4/4] letters/l4.md…',
    ])
    // Each result line is printed on a cleared line, and the run ends with the line cleared.
    expect(r.progress.at(-1)).toBe('')
    expect(r.out).toContain(`${ESC}32m✓${ESC}0m letters/l1.md`)
  })

  test('failures and warnings are coloured on stderr', async () => {
    const r = await terminal(
      [],
      { ...four, 'letters/bad.md': '---\nsubjct: x\nfrom: [oops\n---\n\nDear Sam,\n' },
      { outTty: true, errTty: true },
    )
    expect(r.code).toBe(1)
    expect(r.err).toMatch(new RegExp(`letters/bad.md:\\d+:\\d+ \\x1b\\[31merror\\x1b\\[0m`))
    expect(r.out).toContain(`${ESC}31m✗${ESC}0m letters/bad.md`)
  })

  test('NO_COLOR keeps every line plain (the progress line stays)', async () => {
    const r = await terminal([], four, { outTty: true, errTty: true }, { NO_COLOR: '1' })
    expect(r.out + r.err).not.toContain(ESC)
    expect(r.progress.length).toBeGreaterThan(0)
  })

  test('a few letters need no progress line', async () => {
    const r = await terminal([], { 'letters/a.md': letter(1), 'letters/b.md': letter(2) }, { outTty: true, errTty: true })
    expect(r.progress).toEqual([])
  })
})

describe('in a pipe or with --json', () => {
  test('not a terminal: no colours, no progress line', async () => {
    const r = await terminal([], four, { outTty: false, errTty: false })
    expect(r.code).toBe(0)
    expect(r.out + r.err).not.toContain(ESC)
    expect(r.progress).toEqual([])
    expect(r.out).toContain('✓ letters/l1.md → output/l1.pdf')
  })

  test('--json at a terminal: plain JSON only, no progress line', async () => {
    const r = await terminal(['--json'], four, { outTty: true, errTty: true })
    expect(r.progress).toEqual([])
    expect(r.out).not.toContain(ESC)
    expect(JSON.parse(r.out).letters).toHaveLength(4)
  })
})
