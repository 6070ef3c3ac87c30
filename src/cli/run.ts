import { dirname, join, resolve } from 'node:path'
import { CONFIG_FILES, configPaths, loadConfig, type ProjectConfig } from '../parse/config.js'
import { asLetterError, errorText, LetterError } from '../parse/errors.js'
import { message } from '../parse/message.js'
import { checkTheme, isThemePath, themes } from '../theme/index.js'
import { shownPath } from '../util/paths.js'
import { checkFile, READ_LIMITS } from '../util/read-file.js'
import { HELP, parseCli, UsageError, type CliOptions } from './args.js'
import { renderBatch, type BatchContext, type Pool } from './batch.js'
import { cacheDir } from './cache-dir.js'
import { runCheck } from './check.js'
import { readRows } from './data.js'
import { expandInputs, inShard, type Skipped } from './inputs.js'
import { terminalIo, type Io } from './io.js'
import { manifestPath } from './manifest.js'
import type { RunSetup } from './render-options.js'
import { defaultJobs, WorkerPool } from './pool.js'
import { formatError, formatMessage, reportError, summary, type Report } from './report.js'
import { Rerun } from './rerun.js'
import { listenForStop } from './stop.js'
import type { Task } from './task.js'
import { version } from './version.js'

/** Batches longer than this show a progress line (on a terminal). */
const PROGRESS_FROM = 4

/** Run the command line; resolves to the exit code (0 all rendered, 1 a letter failed, 2 bad usage). */
export async function run(argv: string[], io: Io = terminalIo): Promise<number> {
  try {
    if (argv[0] === 'check') return await runCheck(argv.slice(1), io)
    if (argv[0] === 'preview') return await preview(argv.slice(1), io)
    return await renderCommand(argv, io)
  } catch (error) {
    return failed(error, argv, io)
  }
}

/** What a run that threw prints, and its exit code: bad usage and a broken project are 2, anything else a bug (1). */
function failed(error: unknown, argv: string[], io: Io): number {
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
  io.err(`letterpress: unexpected error: ${errorText(error)}`)
  if (argv.includes('--verbose')) io.err(String((error as Error)?.stack ?? ''))
  return 1
}

/** `letterpress preview`, until Ctrl-C. */
async function preview(argv: string[], io: Io): Promise<number> {
  const { runPreview } = await import('./preview.js')
  const stop = listenForStop()
  try {
    return await runPreview(argv, io, stop.stopping)
  } finally {
    stop.release()
  }
}

/** Render the letters the command line names, step by step. */
async function renderCommand(argv: string[], io: Io): Promise<number> {
  // 1. The command line; --help and --version answer at once.
  const options = parseCli(argv)
  if (options.help) return answer(io, HELP)
  if (options.version) return answer(io, version())
  // 2. What it names checked: a missing --attach file or a broken --theme file is bad usage, before anything renders.
  const checked = checkedOptions(options, io)
  // 3. The project config, with the theme it names; its warnings are the run's.
  const project = loadProject(io.cwd, checked.allowPaths)
  const setup: RunSetup = { ...checked, cwd: io.cwd, project, outDir: resolve(io.cwd, options.out) }
  const report: Report = { ok: true, warnings: [], letters: [] }
  warnRun(report, configWarnings(project, io.cwd), io, options.json)
  // 4. The letters: the inputs expanded, this shard's, each once per data row.
  const tasks = await letterTasks(setup, report, io)
  // 5. The batch, in worker threads (Ctrl-C stops it after the letter in hand).
  const stop = listenForStop()
  const context = batchContext(setup, report, tasks.length, io, stop)
  // The progress line only where a person watches a long batch.
  const progress = !options.json && io.errTty && io.progress && tasks.length >= PROGRESS_FROM ? io.progress : undefined
  try {
    await renderBatch(context, tasks, progress)
    // 6. With --watch: again on each change, until stopped.
    if (options.watch && !stop.signal) {
      progress?.('')
      await watchRun(context, tasks, stop.stopping)
      return 0
    }
  } finally {
    progress?.('')
    stop.release()
    await context.pool.close()
  }
  // 7. The report and the exit code.
  return finish(context, tasks.length)
}

/** Print a text on stdout: exit 0. */
function answer(io: Io, text: string): number {
  io.out(text)
  return 0
}

/** The command line with what it names checked: its --theme file made absolute, --allow-path folders resolved, SOURCE_DATE_EPOCH read. */
function checkedOptions(options: CliOptions, io: Io): Pick<RunSetup, 'options' | 'allowPaths' | 'sourceDateEpoch'> {
  if (options.watch && options.json) throw new UsageError('--watch prints a line per render; it does not go with --json')
  const theme = checkedTheme(options.theme, io.cwd)
  for (const file of options.attach) {
    const found = checkFile(resolve(io.cwd, file), { what: 'attachment', name: file, limit: READ_LIMITS.attachment })
    if ('problem' in found) throw new UsageError(`${found.problem} (--attach)`)
  }
  return {
    options: { ...options, theme },
    allowPaths: options.allowPaths.map((dir) => resolve(io.cwd, dir)),
    sourceDateEpoch: parseEpoch(io.env.SOURCE_DATE_EPOCH),
  }
}

/** --theme: a built-in theme's name, or a theme file checked by the read rule, parsed and checked, and made absolute. */
function checkedTheme(theme: string | undefined, cwd: string): string | undefined {
  if (theme === undefined) return undefined
  if (!isThemePath(theme)) {
    if (!Object.hasOwn(themes, theme)) throw new UsageError(`unknown theme "${theme}"; built-in themes: ${Object.keys(themes).join(', ')}`)
    return theme
  }
  // The user's own file: anywhere, but a regular file within the limit.
  const found = checkFile(resolve(cwd, theme), { what: 'theme file', name: theme, limit: READ_LIMITS.theme })
  if ('problem' in found) throw new UsageError(found.problem)
  const file = resolve(cwd, theme)
  checkTheme(file, { file })
  return file
}

function parseEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${value}"`)
  return Number(value)
}

/**
 * The project config, with the theme it names checked before any letter renders (with its colours laid over
 * it): a broken config or theme file throws a LetterError naming every problem, which is bad usage.
 */
function loadProject(cwd: string, allowPaths: string[]): ProjectConfig {
  const config = loadConfig(cwd)
  if (config.file) {
    const dir = dirname(config.file)
    checkTheme(
      config.raw.theme ?? 'classic',
      { baseDir: dir, file: config.file, roots: [dir, ...allowPaths], place: config.place(['theme']) },
      config.raw.colors,
    )
  }
  return config
}

/** The project config's warnings as the report has them, each naming the config file. */
function configWarnings(project: ProjectConfig, cwd: string): Report['warnings'] {
  const file = project.file ? shownPath(project.file, cwd) : ''
  return project.warnings.map(({ message, line, column, source }) => ({ file, message, line, column, source }))
}

/** Warnings of the run rather than of a letter (the config's, a folder search's): in the report, and on stderr unless --json. */
function warnRun(report: Report, warnings: Report['warnings'], io: Io, json: boolean): void {
  report.warnings.push(...warnings)
  if (!json) for (const w of warnings) io.err(formatMessage(w.file, 'warning', w))
}

/** The inputs expanded into letters (what a folder search passed over is a warning of the run), this shard's, each once per --data row. */
async function letterTasks(setup: RunSetup, report: Report, io: Io): Promise<Task[]> {
  const { options } = setup
  const skipped: Skipped[] = []
  const inputs = await expandInputs(options.inputs, io.cwd, setup.outDir, (s) => skipped.push(s))
  warnRun(report, skipped.map(skippedWarning), io, options.json)
  const chosen = options.shard ? inputs.filter((input) => inShard(input, options.shard!)) : inputs
  // Mail merge: a bad data file stops the run before anything renders.
  const rows = options.data === undefined ? undefined : readRows(resolve(io.cwd, options.data), options.data)
  return chosen.flatMap((input) => (rows ? rows.map((row) => ({ ...input, row })) : [input]))
}

/** An entry a folder search passed over, as a warning of the run. */
function skippedWarning({ path, message: text }: Skipped): Report['warnings'][number] {
  return { file: path, ...message(text, 'letterpress:inputs') }
}

/** The batch's context: a pool of `jobs` workers under the time limit, nothing written yet, colours only for people. */
function batchContext(setup: RunSetup, report: Report, letters: number, io: Io, stop: BatchContext['stop']): BatchContext {
  const { options } = setup
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), letters))
  // Colours only on a terminal, never with NO_COLOR (no-color.org).
  const plain = Boolean(io.env.NO_COLOR) || options.json
  return {
    io,
    setup,
    pool: lazyPool(() => new WorkerPool(options.timeout * 1000, jobs)),
    jobs,
    written: new Map(),
    report,
    stop,
    paint: { out: !plain && Boolean(io.outTty), err: !plain && Boolean(io.errTty) },
    rerun: new Rerun(manifestPath(cacheDir(io.cwd, io.env), setup.outDir), setup.outDir, options.force),
  }
}

/** A pool started by its first render: a run whose letters are all unchanged starts no worker. */
function lazyPool(start: () => Pool): Pool {
  let pool: Pool | undefined
  return {
    render: (...job) => (pool ??= start()).render(...job),
    close: async () => pool?.close(),
  }
}

/** --watch: render again the letters each change touches, in the batch's context, until stopped. */
async function watchRun(context: BatchContext, tasks: Task[], stopping: Promise<void>): Promise<void> {
  const { io, setup } = context
  const { options } = setup
  const { watchLetters } = await import('./watch.js')
  // Each change renders what it touches, as --watch always has; the manifest still follows.
  context.rerun?.renderAll()
  const watch = await watchLetters({
    io,
    inputs: options.inputs,
    tasks,
    outDir: setup.outDir,
    // Besides the letters' folders: what every letter depends on.
    shared: [
      ...CONFIG_FILES,
      options.theme && isThemePath(options.theme) ? options.theme : undefined,
      options.data,
      ...options.attach,
      ...setup.allowPaths,
    ]
      .filter((f): f is string => Boolean(f))
      .map((f) => resolve(io.cwd, f)),
    named: () => configPaths(setup.project.raw),
    fontsDir: join(io.cwd, 'fonts'),
    render: (batch) => renderBatch(context, batch),
    // A changed config is read again; changed fonts need a fresh worker (fonts are registered once per process).
    reloadConfig: () => void (setup.project = loadProject(io.cwd, setup.allowPaths)),
    onError: (error) => {
      for (const line of formatError('letterpress', reportError(io.cwd, asLetterError(error)), context.paint.err)) io.err(line)
    },
    restartRenderer: async () => {
      await context.pool.close()
      context.pool = lazyPool(() => new WorkerPool(options.timeout * 1000, context.jobs))
    },
  })
  io.err(`watching ${tasks.length} letter${tasks.length === 1 ? '' : 's'} for changes (Ctrl-C to stop)`)
  await stopping
  await watch.close()
  io.err('letterpress: stopped watching')
}

/** The closing report (JSON, or the summary line) and the exit code: 130 when stopped by a signal, 1 when a letter failed. */
function finish({ io, setup, report, paint, stop }: BatchContext, total: number): number {
  if (setup.options.json) io.out(JSON.stringify(report, null, 2))
  else io.out(summary(report, paint.out, { total, stopped: stop.signal }))
  if (stop.signal) {
    io.err(`letterpress: stopped by ${stop.signal} after ${report.letters.length} of ${total} letters`)
    return 130
  }
  return report.ok ? 0 : 1
}
