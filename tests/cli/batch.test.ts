// renderBatch with a fake pool: order, collisions, failures, --check and a stop, without worker threads.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseCli } from '../../src/cli/args.js'
import { renderBatch, type BatchContext, type Pool } from '../../src/cli/batch.js'
import type { Io } from '../../src/cli/io.js'
import { CheckStopped } from '../../src/cli/pool.js'
import type { Task } from '../../src/cli/task.js'
import { loadConfig } from '../../src/parse/config.js'
import { LetterError } from '../../src/parse/errors.js'
import type { LetterMeta } from '../../src/types.js'
import { project } from '../helpers/cli.js'

const LETTER = 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n'
const PDF = new Uint8Array(Buffer.from('%PDF-1.7 fake'))

type Rendered = Awaited<ReturnType<Pool['render']>>

/** A render the test settles itself, in whatever order it likes. */
interface Call {
  path: string
  resolve: (result: Rendered) => void
  reject: (error: unknown) => void
}

/** A pool whose renders wait until the test settles them. */
function fakePool() {
  const calls: Call[] = []
  const pool: Pool = {
    render: (_markdown, options) => new Promise<Rendered>((resolve, reject) => calls.push({ path: options.path!, resolve, reject })),
    close: async () => {},
  }
  return { pool, calls }
}

/** A finished render with these fields of the result. */
const rendered = (fields: { output?: string; check?: Rendered['check']; warnings?: Rendered['warnings'] } = {}): Rendered => ({
  pdf: PDF,
  pages: 1,
  letterPages: 1,
  warnings: fields.warnings ?? [],
  meta: { output: fields.output } as LetterMeta,
  title: '',
  inputs: [],
  ms: 5,
  check: fields.check,
})

/** A project holding `letters`, and a batch context over it with the given command line. */
function setUp(letters: string[], argv: string[] = [], pool: Pool) {
  const dir = project(Object.fromEntries(letters.map((l) => [l, LETTER])))
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir, env: {} }
  const options = parseCli(argv)
  const context: BatchContext = {
    io,
    setup: { cwd: dir, options, allowPaths: [], sourceDateEpoch: undefined, project: loadConfig(dir), outDir: join(dir, 'output') },
    pool,
    jobs: options.jobs ?? 1,
    written: new Map(),
    report: { ok: true, warnings: [], letters: [] },
    stop: { signal: null },
    paint: { out: false, err: false },
  }
  const tasks: Task[] = letters.map((path) => ({ path, sub: '' }))
  return { dir, io, out, err, context, tasks }
}

/** Let the batch run until it waits on the pool again. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
}

describe('renderBatch', () => {
  test('letters are written and reported in input order whatever order the pool finishes them in; the first of two colliding letters wins', async () => {
    const { pool, calls } = fakePool()
    const { dir, out, context, tasks } = setUp(['letters/a.md', 'letters/b.md', 'letters/c.md'], ['--jobs', '2'], pool)
    const batch = renderBatch(context, tasks)
    await settle()
    // Two jobs: all three letters are queued ahead (2 × jobs past the one in hand).
    expect(calls.map((c) => c.path)).toEqual(['letters/a.md', 'letters/b.md', 'letters/c.md'])
    // c and b both name the output "same": c finishes first, b comes first in input order.
    calls[2]!.resolve(rendered({ output: 'same' }))
    calls[1]!.resolve(rendered({ output: 'same' }))
    await settle()
    expect(context.report.letters).toEqual([])
    calls[0]!.resolve(rendered())
    await batch
    expect(context.report.letters.map((l) => [l.input, l.output])).toEqual([
      ['letters/a.md', 'output/a.pdf'],
      ['letters/b.md', 'output/same.pdf'],
      ['letters/c.md', null],
    ])
    expect(context.report.letters[2]!.error).toEqual({
      message: 'output output/same.pdf is already written by letters/b.md in this run; set a different "output" name',
      line: null,
      column: null,
    })
    expect(context.report.ok).toBe(false)
    expect(out).toEqual([
      expect.stringMatching(/^✓ letters\/a\.md → output\/a\.pdf {2}1 page, 13 B, \d+ ms$/),
      expect.stringMatching(/^✓ letters\/b\.md/),
      '✗ letters/c.md  failed',
    ])
    expect(readFileSync(join(dir, 'output/same.pdf'))).toEqual(Buffer.from(PDF))
    expect([...context.written.values()].map((w) => w.label)).toEqual(['letters/a.md', 'letters/b.md'])
  })

  test('one letter at a time holds only the letter in hand and the next one', async () => {
    const { pool, calls } = fakePool()
    const { context, tasks } = setUp(['a.md', 'b.md', 'c.md', 'd.md', 'e.md'], ['--jobs', '1'], pool)
    const batch = renderBatch(context, tasks)
    await settle()
    expect(calls).toHaveLength(2)
    calls[0]!.resolve(rendered())
    await settle()
    expect(calls).toHaveLength(3)
    for (let i = 1; i < 5; i++) {
      await settle()
      calls[i]!.resolve(rendered())
    }
    await batch
    expect(context.report.letters.map((l) => l.output)).toEqual([
      'output/a.pdf',
      'output/b.pdf',
      'output/c.pdf',
      'output/d.pdf',
      'output/e.pdf',
    ])
  })

  test('an unexpected error fails its letter only, as "could not render"; a LetterError keeps its text and place; warnings are printed', async () => {
    const { pool, calls } = fakePool()
    const { out, err, context, tasks } = setUp(['a.md', 'b.md', 'c.md'], [], pool)
    const batch = renderBatch(context, tasks)
    await settle()
    calls[0]!.reject(new TypeError('boom'))
    await settle()
    calls[1]!.reject(new LetterError('invalid YAML front matter', 2, 7))
    await settle()
    calls[2]!.resolve(rendered({ warnings: [{ message: 'image "x.png" not found', line: 4, column: 1, source: 'letterpress:image' }] }))
    await batch
    expect(context.report.letters.map((l) => l.error)).toEqual([
      { message: 'could not render: boom', line: null, column: null },
      { message: 'invalid YAML front matter', line: 2, column: 7 },
      null,
    ])
    expect(context.report.letters[2]!.warnings).toEqual([
      { message: 'image "x.png" not found', line: 4, column: 1, source: 'letterpress:image' },
    ])
    expect(err).toEqual([
      'a.md error could not render: boom',
      'b.md:2:7 error invalid YAML front matter',
      'c.md:4:1 warning image "x.png" not found',
    ])
    expect(out.map((line) => line.slice(0, 6))).toEqual(['✗ a.md', '✗ b.md', '✓ c.md'])
  })

  test('with --check a letter whose read-back fails or was stopped by a limit is not written', async () => {
    const { pool, calls } = fakePool()
    const { dir, context, tasks } = setUp(['a.md', 'b.md', 'c.md'], ['--check'], pool)
    const batch = renderBatch(context, tasks)
    await settle()
    calls[0]!.resolve(rendered({ check: { error: 'not a readable PDF: bad xref' } }))
    await settle()
    calls[1]!.reject(new CheckStopped('checking took longer than 60 s'))
    await settle()
    calls[2]!.resolve(
      rendered({
        check: {
          report: {
            ok: true,
            pages: 1,
            words: null,
            wordProblems: [],
            fontsNotEmbedded: [],
            attachedFonts: [],
            metadataMissing: [],
            pageProblems: [],
          },
        },
      }),
    )
    await batch
    const [a, b, c] = context.report.letters
    expect(a!.check).toEqual({ ok: false, problems: ['not a readable PDF: bad xref'], words: null })
    expect(a!.error?.message).toBe('check failed: not a readable PDF: bad xref; not written')
    expect(b!.check).toEqual({ ok: false, problems: ['checking took longer than 60 s'], words: null })
    expect(b!.error?.message).toBe('check failed: checking took longer than 60 s; not written')
    expect(c!.check).toEqual({ ok: true, problems: [], words: null })
    expect([existsSync(join(dir, 'output/a.pdf')), existsSync(join(dir, 'output/b.pdf')), existsSync(join(dir, 'output/c.pdf'))]).toEqual([
      false,
      false,
      true,
    ])
  })

  test('a stop ends the batch after the letter in hand; nothing more is queued', async () => {
    const { pool, calls } = fakePool()
    const { out, context, tasks } = setUp(['a.md', 'b.md', 'c.md', 'd.md'], ['--jobs', '1'], pool)
    const stop: { signal: NodeJS.Signals | null } = { signal: null }
    context.stop = stop
    const batch = renderBatch(context, tasks)
    await settle()
    stop.signal = 'SIGINT'
    calls[0]!.resolve(rendered())
    await batch
    expect(calls).toHaveLength(2)
    expect(context.report.letters.map((l) => l.input)).toEqual(['a.md'])
    expect(out).toHaveLength(1)
  })

  test('--json prints nothing per letter; the report has it all', async () => {
    const { pool, calls } = fakePool()
    const { out, err, context, tasks } = setUp(['a.md'], ['--json'], pool)
    const batch = renderBatch(context, tasks)
    await settle()
    calls[0]!.reject(new Error('boom'))
    await batch
    expect([out, err]).toEqual([[], []])
    expect(context.report.letters[0]!.error?.message).toBe('could not render: boom')
  })
})
