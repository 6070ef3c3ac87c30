import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { loadConfig } from '../parse/config.js'
import { LetterError } from '../parse/errors.js'
import { decodeLetter } from '../parse/limits.js'
import { isThemePath, themes } from '../theme/index.js'
import { outputName } from '../write/output-name.js'
import { writeAtomic } from '../write/atomic.js'
import { HELP, parseCli, UsageError } from './args.js'
import { expandInputs, inShard } from './inputs.js'
import { runCheck } from './check.js'
import { defaultJobs, Renderer, RenderCrash } from './renderer.js'
import type { RenderOptions, RenderResult } from '../letter.js'
import { formatMessage, letterLine, summary, type LetterReport, type Report } from './report.js'

/** Where the CLI prints: stdout for results, stderr for messages. */
export interface Io {
  out: (line: string) => void
  err: (line: string) => void
  cwd: string
  env: NodeJS.ProcessEnv
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
}

/** Run the command line; resolves to the exit code (0 all rendered, 1 a letter failed, 2 bad usage). */
export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await renderAll(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`letterpress: ${error.message}`)
      io.err('Try "letterpress --help".')
      return 2
    }
    if (error instanceof LetterError) {
      const file = error.file ? display(io.cwd, resolve(io.cwd, error.file)) : 'letterpress'
      io.err(formatMessage(file, 'error', { message: error.message, line: error.line, column: error.column }))
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
  const options = parseCli(argv)
  if (options.help) {
    io.out(HELP)
    return 0
  }
  if (options.version) {
    io.out(version())
    return 0
  }
  if (options.theme !== undefined) {
    if (isThemePath(options.theme)) {
      if (!existsSync(resolve(io.cwd, options.theme))) throw new UsageError(`theme file "${options.theme}" not found`)
      options.theme = resolve(io.cwd, options.theme)
    } else if (!Object.hasOwn(themes, options.theme)) {
      throw new UsageError(`unknown theme "${options.theme}"; built-in themes: ${Object.keys(themes).join(', ')}`)
    }
  }
  const sourceDateEpoch = parseEpoch(io.env.SOURCE_DATE_EPOCH)
  const config = loadConfig(io.cwd)
  const configFile = config.file ? relative(io.cwd, config.file) : undefined
  if (!options.json) for (const w of config.warnings) io.err(formatMessage(configFile ?? '', 'warning', { ...w, file: configFile }))
  const outDir = resolve(io.cwd, options.out)
  const inputs = await expandInputs(options.inputs, io.cwd, outDir)

  const chosen = options.shard ? inputs.filter((input) => inShard(input, options.shard!)) : inputs

  // Letters render in worker threads (loaded only when there is something to render), under a time limit.
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), chosen.length))
  const renderer = new Renderer(options.timeout * 1000, jobs)
  const report: Report = { ok: true, warnings: config.warnings.map(({ message, line, column, source }) => ({ file: configFile ?? '', message, line, column, source })), letters: [] }
  const written = new Map<string, string>()
  const renderOptions = (input: string): RenderOptions => ({
    path: input,
    baseDir: dirname(resolve(io.cwd, input)),
    config: config.raw,
    theme: options.theme,
    paper: options.paper,
    maxPages: options.maxPages,
    fit: options.fit,
    pdfa: options.pdfa,
    sourceDateEpoch,
    fontDirs: [join(io.cwd, 'fonts')],
    // The project config's folder is the user's own; other folders only when named.
    allowPaths: [...(config.file ? [dirname(config.file)] : []), ...options.allowPaths.map((dir) => resolve(io.cwd, dir))],
  })
  // Read and render one letter (in the pool); what it produces is written below, in input order.
  const renderInput = async (input: string): Promise<{ markdown?: string; result?: RenderResult & { ms: number }; error?: unknown }> => {
    try {
      const markdown = decodeLetter(readFileSync(resolve(io.cwd, input)), input)
      return { markdown, result: await renderer.render(markdown, renderOptions(input)) }
    } catch (error) {
      return { error }
    }
  }
  // Ctrl-C (or a CI's SIGTERM) stops the batch after the letter in hand: every write is a whole file
  // renamed into place, so nothing half-written or temporary is left behind.
  let stopped: NodeJS.Signals | null = null
  const stop = (signal: NodeJS.Signals) => {
    stopped = signal
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  // Letters render `jobs` at a time, a few queued ahead; results are written and reported in input order,
  // so the report and which of two colliding letters wins never depend on timing.
  const inFlight: (Promise<Awaited<ReturnType<typeof renderInput>>> | null)[] = []
  try {
  for (let i = 0; i < chosen.length; i++) {
    while (!stopped && inFlight.length < chosen.length && inFlight.length < i + 2 * jobs) inFlight.push(renderInput(chosen[inFlight.length]!.path))
    // A render never waits on I/O, so let signal handlers run between letters.
    await new Promise((resolve) => setImmediate(resolve))
    if (stopped) break
    const { path: input, sub } = chosen[i]!
    const entry: LetterReport = { input, output: null, pages: 0, bytes: 0, ms: 0, warnings: [], error: null }
    const outcome = await inFlight[i]!
    // Written below and then let go, so a long batch holds only the letters in flight.
    inFlight[i] = null
    const started = performance.now()
    try {
      if (outcome.error !== undefined) throw outcome.error
      const result = outcome.result!
      entry.warnings = result.warnings.map(({ message, line, column, source }) => ({ message, line, column, source }))
      // Letters in subfolders of a folder input keep their subfolder in the output folder.
      const target = join(outDir, sub, outputName(input, result.meta))
      const earlier = written.get(target)
      if (earlier) throw new LetterError(`output ${display(io.cwd, target)} is already written by ${earlier} in this run; set a different "output" name`)
      writeAtomic(target, result.pdf)
      written.set(target, input)
      Object.assign(entry, { output: display(io.cwd, target), pages: result.pages, bytes: result.pdf.byteLength })
      if (options.check) {
        // --check reads the PDF just written back against its source; a failure fails the letter (the PDF stays).
        const { checkPdf, formatCheck } = await import('../check/index.js')
        const check = await checkPdf(result.pdf, { source: outcome.markdown! })
        if (!check.ok) {
          for (const line of formatCheck(display(io.cwd, target), check).slice(1)) if (!options.json) io.err(line)
          throw new LetterError(`check failed: ${formatCheck('', check).slice(1).map((l) => l.trim()).join('; ')}`)
        }
      }
      entry.ms = Math.round(result.ms + performance.now() - started)
    } catch (error) {
      // An unexpected failure (a bug, a react-pdf crash) fails this letter only; its stack only with --verbose.
      if (!(error instanceof LetterError) && options.verbose) io.err(String(error instanceof RenderCrash ? error.detail : (error as Error)?.stack))
      const e = error instanceof LetterError ? error : new LetterError(`could not render: ${String((error as Error)?.message ?? error)}`)
      entry.error = { message: e.message, line: e.line, column: e.column }
      // A problem in another file (a theme file, say) names that file.
      if (e.file && resolve(io.cwd, e.file) !== resolve(io.cwd, input)) entry.error.file = display(io.cwd, resolve(io.cwd, e.file))
      report.ok = false
    }
    report.letters.push(entry)
    if (!options.json) {
      for (const w of entry.warnings) io.err(formatMessage(input, 'warning', w))
      if (entry.error) io.err(formatMessage(input, 'error', entry.error))
      io.out(letterLine(entry))
    }
  }
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    await renderer.close()
  }
  if (options.json) io.out(JSON.stringify(report, null, 2))
  else io.out(summary(report))
  if (stopped) {
    io.err(`letterpress: stopped by ${stopped} after ${report.letters.length} of ${chosen.length} letters`)
    return 130
  }
  return report.ok ? 0 : 1
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
