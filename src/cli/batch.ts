import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { asLetterError, LetterError } from '../parse/errors.js'
import { shownPath } from '../util/paths.js'
import { outputName, textPath } from '../write/output-name.js'
import { writeAtomic, WriteError } from '../write/atomic.js'
import { outputKey } from '../write/output-key.js'
import type { RenderOptions } from '../letter.js'
import { message } from '../parse/message.js'
import type { Io } from './io.js'
import type { ManifestEntry } from './manifest.js'
import { readLetter } from './inputs.js'
import { renderOptions, type RunSetup } from './render-options.js'
import { CheckStopped, RenderCrash, type WorkerPool } from './pool.js'
import { formatError, formatMessage, letterLine, reportError, type LetterReport, type Report } from './report.js'
import type { Rerun, TaskKey } from './rerun.js'
import type { Stop } from './stop.js'
import { taskLabel, type Task } from './task.js'

/** The worker pool as a batch uses it: render letters, and close when the run ends. */
export type Pool = Pick<WorkerPool, 'render' | 'close'>

/** What one task came to: its render's result, what it threw, or its last render's entry when nothing changed; with its key for the manifest. */
type Rendered = (
  | { result: Awaited<ReturnType<Pool['render']>>; error?: undefined; unchanged?: undefined }
  | { error: unknown; result?: undefined; unchanged?: undefined }
  | { unchanged: ManifestEntry; result?: undefined; error?: undefined }
) & { key?: TaskKey }

/** An output written in this run: which letter (and row) wrote it, and where. */
interface Written {
  label: string
  target: string
}

/** Everything a batch reads and adds to: the run's setup, its pool, what it has written and reported, and whether it was stopped. */
export interface BatchContext {
  io: Io
  setup: RunSetup
  /** Replaced when fonts change (--watch): fonts are registered once per worker. */
  pool: Pool
  /** Letters rendered at once. */
  jobs: number
  /** Outputs written in this run, by outputKey. */
  written: Map<string, Written>
  report: Report
  stop: Pick<Stop, 'signal'>
  /** Colours on stdout / stderr. */
  paint: { out: boolean; err: boolean }
  /** Earlier renders into the output folder: a task whose inputs did not change is not rendered again. */
  rerun?: Rerun
}

/**
 * Render tasks `jobs` at a time, a few queued ahead; results are written and reported in input order, so the
 * report and which of two colliding letters wins never depend on timing. A stop ends it after the letter in hand.
 */
export async function renderBatch(context: BatchContext, tasks: Task[], progress?: (text: string) => void): Promise<void> {
  context.rerun?.startBatch()
  try {
    await renderInOrder(context, tasks, progress)
  } finally {
    keepManifest(context, progress)
  }
}

/** The batch's tasks rendered (or found unchanged) ahead, written and reported in input order. */
async function renderInOrder(context: BatchContext, tasks: Task[], progress?: (text: string) => void): Promise<void> {
  const inFlight: (Promise<Rendered> | null)[] = []
  for (let i = 0; i < tasks.length; i++) {
    while (!context.stop.signal && inFlight.length < tasks.length && inFlight.length < i + 2 * context.jobs)
      inFlight.push(renderTask(context, tasks[inFlight.length]!))
    // A render never waits on I/O, so let signal handlers run between letters.
    await new Promise((resolve) => setImmediate(resolve))
    if (context.stop.signal) break
    const task = tasks[i]!
    progress?.(`[${i + 1}/${tasks.length}] ${taskLabel(task)}…`)
    const rendered = await inFlight[i]!
    // Written below and then let go, so a long batch holds only the letters in flight.
    inFlight[i] = null
    const entry = await writeLetter(context, task, rendered, progress)
    context.report.letters.push(entry)
    if (!context.setup.options.json) printEntry(context, entry, progress)
  }
}

/** The manifest written after a batch; a cache that cannot be written is a warning of the run (once), never its failure. */
function keepManifest(context: BatchContext, progress?: (text: string) => void): void {
  const problem = context.rerun?.save()
  if (!problem) return
  const warning = { file: shownPath(context.rerun!.file, context.io.cwd), ...message(problem, 'letterpress:cache') }
  context.report.warnings.push(warning)
  progress?.('')
  if (!context.setup.options.json) context.io.err(formatMessage(warning.file, 'warning', warning, context.paint.err))
}

/** Read one letter, and render it in the pool unless nothing it is made from changed; what it produces is written by the batch, in input order. */
async function renderTask(context: BatchContext, task: Task): Promise<Rendered> {
  let key: TaskKey | undefined
  try {
    const markdown = readLetter(resolve(context.io.cwd, task.path), task.path)
    const options = renderOptions(context.setup, task)
    key = taskKey(context, task, markdown, options)
    const unchanged = key && context.rerun!.unchanged(key)
    if (unchanged) return { unchanged, key }
    // With --check the worker reads each PDF back (against the letter as filled in) before returning it.
    return { result: await context.pool.render(markdown, options, context.setup.options.check), key }
  } catch (error) {
    return { error, key }
  }
}

/** A task's key for the manifest; none when what it depends on cannot be looked at (the letter then renders, as without a cache). */
function taskKey(context: BatchContext, task: Task, markdown: string, options: RenderOptions): TaskKey | undefined {
  try {
    return context.rerun?.key(context.setup, task, markdown, options)
  } catch {
    return undefined
  }
}

/** One letter's report entry: its PDF checked and written, or why it was not. */
async function writeLetter(
  context: BatchContext,
  task: Task,
  rendered: Rendered,
  progress?: (text: string) => void,
): Promise<LetterReport> {
  const { path: input, sub, row } = task
  const entry: LetterReport = { input, ...(row && { row: row.index }), output: null, pages: 0, bytes: 0, ms: 0, warnings: [], error: null }
  const started = performance.now()
  try {
    if (rendered.unchanged) return unchangedLetter(context, task, rendered.unchanged, entry)
    const result = renderedResult(entry, rendered)
    // A warning about another file (an attached Markdown part) names it.
    entry.warnings = result.warnings.map(({ message, line, column, source, file }) => ({
      message,
      line,
      column,
      source,
      ...(file !== undefined && { file }),
    }))
    // Letters in subfolders of a folder input keep their subfolder in the output folder.
    const target = join(context.setup.outDir, sub, outputName(input, result.meta, row?.index))
    const label = taskLabel(task)
    checkCollision(context, target, label)
    if (context.setup.options.check) await checkReadBack(context, entry, result.check!, progress)
    writeOutput(context, target, result.pdf)
    // The plain-text twin beside the PDF, written the same way, once the PDF is in place.
    const text = result.text === undefined ? undefined : Buffer.from(result.text)
    if (text) writeOutput(context, textPath(target), text)
    // A twin an earlier render wrote and no one changed since would now be stale: it goes with the new PDF.
    else if (rendered.key) removeOwnText(context.rerun?.ownText(rendered.key, target))
    context.written.set(outputKey(target), { label, target })
    Object.assign(entry, {
      output: shownPath(target, context.io.cwd),
      ...(text && { txt: shownPath(textPath(target), context.io.cwd) }),
      pages: result.pages,
      bytes: result.pdf.byteLength,
    })
    entry.ms = Math.round(result.ms + performance.now() - started)
    if (rendered.key) context.rerun?.rendered(rendered.key, { ...result, text }, target, entry)
  } catch (error) {
    failLetter(context, entry, error, progress)
    context.rerun?.failed(context.setup, task)
  }
  return entry
}

/** A letter not rendered again: its entry as the last render reported it (its PDF still claimed in this run), marked unchanged. */
function unchangedLetter(context: BatchContext, task: Task, last: ManifestEntry, entry: LetterReport): LetterReport {
  checkCollision(context, last.output, taskLabel(task))
  context.written.set(outputKey(last.output), { label: taskLabel(task), target: last.output })
  const { input, row } = entry
  return {
    input,
    ...(row !== undefined && { row }),
    output: shownPath(last.output, context.io.cwd),
    ...(last.txt && { txt: shownPath(last.txt.path, context.io.cwd) }),
    status: 'unchanged',
    pages: last.pages,
    bytes: last.bytes,
    ms: 0,
    warnings: last.warnings,
    ...(last.check && { check: last.check }),
    error: null,
  }
}

/** The render's result; a render that threw throws here (a read-back stopped by a limit fails the check: not written). */
function renderedResult(entry: LetterReport, rendered: Rendered): NonNullable<Rendered['result']> {
  if (rendered.error instanceof CheckStopped) {
    entry.check = { ok: false, problems: [rendered.error.message], words: null }
    throw new LetterError(`check failed: ${rendered.error.message}; not written`)
  }
  if (rendered.error !== undefined) throw rendered.error
  return rendered.result!
}

/** Two letters of one run may not write one file; names that differ only in case or Unicode form are one file on macOS and Windows disks. */
function checkCollision(context: BatchContext, target: string, label: string): void {
  const { cwd } = context.io
  const earlier = context.written.get(outputKey(target))
  // (Watch mode renders a letter again: its own earlier output is no collision.)
  if (!earlier || earlier.label === label) return
  const as =
    earlier.target === target
      ? ''
      : ` as ${shownPath(earlier.target, cwd)} (names that differ only in case or Unicode form are one file on macOS and Windows)`
  throw new LetterError(
    `output ${shownPath(target, cwd)} is already written by ${earlier.label} in this run${as}; set a different "output" name`,
  )
}

/**
 * With --check: the worker read the PDF back against its source before returning it; a letter that fails the
 * check throws, so it is not written and an earlier PDF stays as it was.
 */
async function checkReadBack(
  context: BatchContext,
  entry: LetterReport,
  check: NonNullable<NonNullable<Rendered['result']>['check']>,
  progress?: (text: string) => void,
): Promise<void> {
  if (check.error !== undefined) {
    entry.check = { ok: false, problems: [check.error], words: null }
    throw new LetterError(`check failed: ${check.error}; not written`)
  }
  const { checkProblems } = await import('../check/format.js')
  entry.check = { ok: check.report.ok, problems: checkProblems(check.report), words: check.report.words }
  if (check.report.ok) return
  progress?.('')
  if (!context.setup.options.json) for (const line of entry.check.problems) context.io.err(`  ${line}`)
  throw new LetterError(`check failed: ${entry.check.problems.join('; ')}; not written`)
}

/** Remove a plain-text twin letterpress wrote; one that cannot be removed stays, as without the record. */
function removeOwnText(path: string | undefined): void {
  if (path === undefined) return
  try {
    rmSync(path)
  } catch {
    // Left as it is.
  }
}

/** Write a file whole (renamed into place); a failed write is the letter's error, naming the file. */
function writeOutput(context: BatchContext, target: string, data: Uint8Array): void {
  try {
    writeAtomic(target, data)
  } catch (error) {
    throw error instanceof WriteError ? new LetterError(`writing ${shownPath(error.path, context.io.cwd)}: ${error.reason}`) : error
  }
}

/** A failure fails this letter only; an unexpected one (a bug, a react-pdf crash) shows its stack only with --verbose. */
function failLetter(context: BatchContext, entry: LetterReport, error: unknown, progress?: (text: string) => void): void {
  const { io, setup } = context
  progress?.('')
  if (!(error instanceof LetterError) && setup.options.verbose)
    io.err(String(error instanceof RenderCrash ? error.detail : (error as Error)?.stack))
  entry.error = reportError(io.cwd, asLetterError(error, 'could not render: '), entry.input)
  context.report.ok = false
}

/** A finished letter on the terminal: its warnings and errors on stderr, its line on stdout. */
function printEntry(context: BatchContext, entry: LetterReport, progress?: (text: string) => void): void {
  const { io, paint } = context
  progress?.('')
  for (const w of entry.warnings) io.err(formatMessage(entry.input, 'warning', w, paint.err))
  if (entry.error) for (const line of formatError(entry.input, entry.error, paint.err)) io.err(line)
  io.out(letterLine(entry, paint.out))
}
