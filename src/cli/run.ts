import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { CONFIG_FILES, configPaths, loadConfig, type ProjectConfig } from '../parse/config.js'
import { LetterError, type Problem } from '../parse/errors.js'
import { checkTheme, isThemePath, themes } from '../theme/index.js'
import { outputName } from '../write/output-name.js'
import { writeAtomic, WriteError } from '../write/atomic.js'
import { outputKey } from '../write/output-key.js'
import { HELP, parseCli, UsageError } from './args.js'
import { terminalIo, type Io } from './io.js'
import type { Task } from './task.js'
import { expandInputs, inShard, readLetter, type Skipped } from './inputs.js'
import { readRows, type DataRow } from './data.js'
import { runCheck } from './check.js'
import { CheckStopped, defaultJobs, Renderer, RenderCrash } from './renderer.js'
import type { RenderOptions } from '../letter.js'
import { formatError, formatMessage, letterLine, summary, type LetterReport, type Report, type ReportProblem } from './report.js'
import { checkFile, READ_LIMITS } from '../util/read-file.js'


/** Batches longer than this show a progress line (on a terminal). */
const PROGRESS_FROM = 4

/** Run the command line; resolves to the exit code (0 all rendered, 1 a letter failed, 2 bad usage). */
export async function run(argv: string[], io: Io = terminalIo): Promise<number> {
  try {
    return await renderAll(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`letterpress: ${error.message}`)
      io.err('Try "letterpress --help".')
      return 2
    }
    if (error instanceof LetterError) {
      for (const line of formatError('letterpress', reportError(io.cwd, error))) io.err(line)
      return 2
    }
    // Anything else is a bug: one line, the stack only with --verbose.
    io.err(`letterpress: unexpected error: ${String((error as Error)?.message ?? error)}`)
    if (argv.includes('--verbose')) io.err(String((error as Error)?.stack ?? ''))
    return 1
  }
}

async function renderAll(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'check') return runCheck(argv.slice(1), io)
  if (argv[0] === 'preview') {
    const { runPreview } = await import('./preview.js')
    const stopping = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    })
    return runPreview(argv.slice(1), io, stopping)
  }
  const options = parseCli(argv)
  if (options.help) {
    io.out(HELP)
    return 0
  }
  if (options.version) {
    io.out(version())
    return 0
  }
  if (options.watch && options.json) throw new UsageError('--watch prints a line per render; it does not go with --json')
  if (options.theme !== undefined) {
    if (isThemePath(options.theme)) {
      // Checked by the read rule up front (the user's own file: anywhere, but a regular file within the limit).
      const found = checkFile(resolve(io.cwd, options.theme), { what: 'theme file', name: options.theme, limit: READ_LIMITS.theme })
      if ('problem' in found) throw new UsageError(found.problem)
      options.theme = resolve(io.cwd, options.theme)
      // Parsed and checked up front too: a broken --theme file is bad usage, before any letter renders.
      checkTheme(options.theme, { file: options.theme })
    } else if (!Object.hasOwn(themes, options.theme)) {
      throw new UsageError(`unknown theme "${options.theme}"; built-in themes: ${Object.keys(themes).join(', ')}`)
    }
  }
  for (const file of options.attach) {
    const found = checkFile(resolve(io.cwd, file), { what: 'attachment', name: file, limit: READ_LIMITS.attachment })
    if ('problem' in found) throw new UsageError(`${found.problem} (--attach)`)
  }
  const sourceDateEpoch = parseEpoch(io.env.SOURCE_DATE_EPOCH)
  const allowPaths = options.allowPaths.map((dir) => resolve(io.cwd, dir))
  let config = loadProject(io.cwd, allowPaths)
  const configFile = config.file ? relative(io.cwd, config.file) : undefined
  if (!options.json) for (const w of config.warnings) io.err(formatMessage(configFile ?? '', 'warning', { ...w, file: configFile }))
  const outDir = resolve(io.cwd, options.out)
  // What a folder search passed over (a link out of the folder) is a warning of the run, like the config's.
  const skipped: Skipped[] = []
  const inputs = await expandInputs(options.inputs, io.cwd, outDir, (s) => skipped.push(s))
  if (!options.json) for (const s of skipped) io.err(formatMessage(s.path, 'warning', { message: s.message, line: null, column: null }))

  const chosen = options.shard ? inputs.filter((input) => inShard(input, options.shard!)) : inputs
  // Mail merge: every letter once per data row (a bad data file stops the run before anything renders).
  const rows = options.data === undefined ? undefined : readRows(resolve(io.cwd, options.data), options.data)
  const tasks: Task[] = chosen.flatMap((input) => (rows ? rows.map((row) => ({ ...input, row })) : [input]))

  // Letters render in worker threads (loaded only when there is something to render), under a time limit.
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), tasks.length))
  let renderer = new Renderer(options.timeout * 1000, jobs)
  const report: Report = {
    ok: true,
    warnings: [
      ...config.warnings.map(({ message, line, column, source }) => ({ file: configFile ?? '', message, line, column, source })),
      ...skipped.map(({ path, message }) => ({ file: path, message, line: null, column: null, source: 'letterpress:inputs' })),
    ],
    letters: [],
  }
  /** Outputs written in this run, by outputKey: which letter wrote them, and where. */
  const written = new Map<string, { label: string; target: string }>()
  // Colours only on a terminal, never with NO_COLOR (no-color.org); the progress line only where a person watches.
  const plain = Boolean(io.env.NO_COLOR) || options.json
  const paintOut = !plain && Boolean(io.outTty)
  const paintErr = !plain && Boolean(io.errTty)
  const progress = !options.json && io.errTty && io.progress && tasks.length >= PROGRESS_FROM ? io.progress : undefined
  const renderOptions = (input: string, row?: DataRow): RenderOptions => ({
    path: input,
    values: row?.values,
    row: row && `row ${row.index}`,
    baseDir: dirname(resolve(io.cwd, input)),
    config: config.raw,
    theme: options.theme,
    paper: options.paper,
    maxPages: options.maxPages,
    fit: options.fit,
    pdfa: options.pdfa,
    // --attach paths are the user's own, relative to the cwd: not confined to the letter's folder.
    attach: options.attach.map((file) => resolve(io.cwd, file)),
    sourceDateEpoch,
    fontDirs: [join(io.cwd, 'fonts')],
    // The project config's folder is the user's own; other folders only when named.
    allowPaths: [...(config.file ? [dirname(config.file)] : []), ...allowPaths],
  })
  // Read and render one letter (in the pool); what it produces is written below, in input order.
  const renderInput = async ({ path: input, row }: Task): Promise<{ result?: Awaited<ReturnType<Renderer['render']>>; error?: unknown }> => {
    try {
      const markdown = readLetter(resolve(io.cwd, input), input)
      // With --check the worker reads each PDF back (against the letter as filled in) before returning it.
      return { result: await renderer.render(markdown, renderOptions(input, row), options.check) }
    } catch (error) {
      return { error }
    }
  }
  // Ctrl-C (or a CI's SIGTERM) stops the batch after the letter in hand: every write is a whole file
  // renamed into place, so nothing half-written or temporary is left behind.
  let stopped: NodeJS.Signals | null = null
  let onStop = () => {}
  const stopping = new Promise<void>((resolve) => (onStop = resolve))
  const stop = (signal: NodeJS.Signals) => {
    stopped = signal
    onStop()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  // Letters render `jobs` at a time, a few queued ahead; results are written and reported in input order,
  // so the report and which of two colliding letters wins never depend on timing.
  const renderBatch = async (tasks: Task[], progress?: (text: string) => void) => {
  const inFlight: (Promise<Awaited<ReturnType<typeof renderInput>>> | null)[] = []
  for (let i = 0; i < tasks.length; i++) {
    while (!stopped && inFlight.length < tasks.length && inFlight.length < i + 2 * jobs) inFlight.push(renderInput(tasks[inFlight.length]!))
    // A render never waits on I/O, so let signal handlers run between letters.
    await new Promise((resolve) => setImmediate(resolve))
    if (stopped) break
    const { path: input, sub, row } = tasks[i]!
    const entry: LetterReport = { input, ...(row && { row: row.index }), output: null, pages: 0, bytes: 0, ms: 0, warnings: [], error: null }
    progress?.(`[${i + 1}/${tasks.length}] ${row ? `${input} (row ${row.index})` : input}…`)
    const outcome = await inFlight[i]!
    // Written below and then let go, so a long batch holds only the letters in flight.
    inFlight[i] = null
    const started = performance.now()
    try {
      // A read-back stopped by a limit fails the check: the letter is not written.
      if (outcome.error instanceof CheckStopped) {
        entry.check = { ok: false, problems: [outcome.error.message], words: null }
        throw new LetterError(`check failed: ${outcome.error.message}; not written`)
      }
      if (outcome.error !== undefined) throw outcome.error
      const result = outcome.result!
      entry.warnings = result.warnings.map(({ message, line, column, source }) => ({ message, line, column, source }))
      // Letters in subfolders of a folder input keep their subfolder in the output folder.
      const target = join(outDir, sub, outputName(input, result.meta, row?.index))
      const label = row ? `${input} (row ${row.index})` : input
      // Names that differ only in case or Unicode form are one file on macOS and Windows disks.
      const earlier = written.get(outputKey(target))
      // (Watch mode renders a letter again: its own earlier output is no collision.)
      if (earlier && earlier.label !== label) {
        const as = earlier.target === target ? '' : ` as ${display(io.cwd, earlier.target)} (names that differ only in case or Unicode form are one file on macOS and Windows)`
        throw new LetterError(`output ${display(io.cwd, target)} is already written by ${earlier.label} in this run${as}; set a different "output" name`)
      }
      if (options.check) {
        // The worker read the PDF back against its source before returning it: a letter that fails the check is
        // not written, so an earlier PDF stays as it was.
        const check = result.check!
        if (check.error !== undefined) {
          entry.check = { ok: false, problems: [check.error], words: null }
          throw new LetterError(`check failed: ${check.error}; not written`)
        }
        const { checkProblems } = await import('../check/format.js')
        entry.check = { ok: check.report.ok, problems: checkProblems(check.report), words: check.report.words }
        if (!check.report.ok) {
          progress?.('')
          if (!options.json) for (const line of entry.check.problems) io.err(`  ${line}`)
          throw new LetterError(`check failed: ${entry.check.problems.join('; ')}; not written`)
        }
      }
      try {
        writeAtomic(target, result.pdf)
      } catch (error) {
        throw error instanceof WriteError ? new LetterError(`writing ${display(io.cwd, error.path)}: ${error.reason}`) : error
      }
      written.set(outputKey(target), { label, target })
      Object.assign(entry, { output: display(io.cwd, target), pages: result.pages, bytes: result.pdf.byteLength })
      entry.ms = Math.round(result.ms + performance.now() - started)
    } catch (error) {
      // An unexpected failure (a bug, a react-pdf crash) fails this letter only; its stack only with --verbose.
      progress?.('')
      if (!(error instanceof LetterError) && options.verbose) io.err(String(error instanceof RenderCrash ? error.detail : (error as Error)?.stack))
      const e = error instanceof LetterError ? error : new LetterError(`could not render: ${String((error as Error)?.message ?? error)}`)
      entry.error = reportError(io.cwd, e, input)
      report.ok = false
    }
    report.letters.push(entry)
    if (!options.json) {
      progress?.('')
      for (const w of entry.warnings) io.err(formatMessage(input, 'warning', w, paintErr))
      if (entry.error) for (const line of formatError(input, entry.error, paintErr)) io.err(line)
      io.out(letterLine(entry, paintOut))
    }
  }
  }
  try {
    await renderBatch(tasks, progress)
    if (options.watch && !stopped) {
      progress?.('')
      const { watchLetters } = await import('./watch.js')
      await watchLetters({
        io,
        inputs: options.inputs,
        tasks,
        outDir,
        // Besides the letters' folders: what every letter depends on.
        shared: [...CONFIG_FILES, options.theme && isThemePath(options.theme) ? options.theme : undefined, options.data, ...options.allowPaths]
          .filter((f): f is string => Boolean(f))
          .map((f) => resolve(io.cwd, f)),
        named: () => configPaths(config.raw),
        fontsDir: join(io.cwd, 'fonts'),
        render: (batch) => renderBatch(batch),
        // A changed config is read again; changed fonts need a fresh worker (fonts are registered once per process).
        reloadConfig: () => void (config = loadProject(io.cwd, allowPaths)),
        onError: (error) => {
          const e = error instanceof LetterError ? error : new LetterError(String((error as Error)?.message ?? error))
          for (const line of formatError('letterpress', reportError(io.cwd, e), paintErr)) io.err(line)
        },
        restartRenderer: async () => {
          await renderer.close()
          renderer = new Renderer(options.timeout * 1000, jobs)
        },
        stopping,
      })
      io.err('letterpress: stopped watching')
      return 0
    }
  } finally {
    progress?.('')
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    await renderer.close()
  }
  if (options.json) io.out(JSON.stringify(report, null, 2))
  else io.out(summary(report, paintOut, { total: tasks.length, stopped }))
  if (stopped) {
    io.err(`letterpress: stopped by ${stopped} after ${report.letters.length} of ${tasks.length} letters`)
    return 130
  }
  return report.ok ? 0 : 1
}

/**
 * The project config, with the theme it names checked before any letter renders (with its colours laid over
 * it): a broken config or theme file throws a LetterError naming every problem, which is bad usage.
 */
function loadProject(cwd: string, allowPaths: string[]): ProjectConfig {
  const config = loadConfig(cwd)
  if (config.file) {
    const dir = dirname(config.file)
    checkTheme(config.raw.theme ?? 'classic', { baseDir: dir, file: config.file, roots: [dir, ...allowPaths], place: config.place(['theme']) }, config.raw.colors)
  }
  return config
}

/** A LetterError as the report has it: the first problem, and every problem when there are several; a file only when it is not the letter. */
function reportError(cwd: string, error: LetterError, input?: string): NonNullable<LetterReport['error']> {
  const shown = ({ message, line, column, file }: Problem): ReportProblem => {
    const other = file !== undefined && (input === undefined || resolve(cwd, file) !== resolve(cwd, input))
    return { message, line, column, ...(other && { file: display(cwd, resolve(cwd, file)) }) }
  }
  const [first, ...rest] = error.problems.map(shown)
  return rest.length ? { ...first!, problems: [first!, ...rest] } : first!
}

/** A path as the user reads it: relative inside the working folder, absolute outside it. */
function display(cwd: string, path: string): string {
  const rel = relative(cwd, path)
  return rel.startsWith('..') ? path : rel
}

function parseEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${value}"`)
  return Number(value)
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}
