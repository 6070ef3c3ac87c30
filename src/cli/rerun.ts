// Re-runs that skip what did not change: a task whose letter, options and every file its last render read
// are as they were, and whose PDF is still the one written, is reported unchanged and not rendered.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RenderOptions, RenderResult } from '../letter.js'
import { FONT_READ, fontFiles } from '../fonts/font-files.js'
import { fileRead, READ_LIMITS, readFileSafely, sha256, type ReadRule } from '../util/read-file.js'
import { WriteError } from '../write/atomic.js'
import { textPath } from '../write/output-name.js'
import { readManifest, writeManifest, type Manifest, type ManifestEntry } from './manifest.js'
import type { RunSetup } from './render-options.js'
import type { LetterReport } from './report.js'
import type { Task } from './task.js'
import { version } from './version.js'

/** One task's key: which task it is, and hashes of its letter and of everything else that decides its PDF. */
export interface TaskKey {
  id: string
  letter: string
  options: string
}

/**
 * What a run knows of earlier renders into its output folder: the manifest, read once, updated as letters
 * finish, written at the end of each batch. With `force` nothing is skipped (the manifest is still kept).
 */
export class Rerun {
  private readonly entries: Manifest
  private changed = false
  private warned = false
  /** What each file read finds in this batch (the same image in 200 letters is hashed once); cleared per batch. */
  private readonly found = new Map<string, string>()
  private shared: string | undefined

  constructor(
    /** The manifest file. */
    readonly file: string,
    private readonly outDir: string,
    private force: boolean,
  ) {
    this.entries = readManifest(file, outDir)
  }

  /** From now on render every task (--watch renders what each change touches, as it always has). */
  renderAll(): void {
    this.force = true
  }

  /** A new batch: files may have changed since the last (--watch), so nothing found before is trusted. */
  startBatch(): void {
    this.found.clear()
    this.shared = undefined
  }

  /** A task's key, from its letter's text and the options it renders with. */
  key(setup: RunSetup, task: Task, markdown: string, options: RenderOptions): TaskKey {
    this.shared ??= sharedKey(setup, options.fontDirs ?? [], (path, rule) => this.read(path, rule))
    // The subfolder is the task's own: the same letter named itself, or found in a folder, is written elsewhere.
    return { id: taskId(setup, task), letter: sha256(markdown), options: sha256(JSON.stringify([this.shared, options, task.sub])) }
  }

  /** The last render's entry when nothing that decides the PDF changed and its PDF is as written; else undefined (also for --force). */
  unchanged(key: TaskKey): ManifestEntry | undefined {
    if (this.force) return undefined
    const entry = Object.hasOwn(this.entries, key.id) ? this.entries[key.id] : undefined
    try {
      if (!entry || entry.letter !== key.letter || entry.options !== key.options) return undefined
      if (!entry.inputs.every((input) => this.read(input.path, input.rule) === JSON.stringify(input.found))) return undefined
      // A plain-text twin deleted or edited since is as missing as a PDF: the letter renders again.
      return sameFile(entry.output, entry) && (!entry.txt || sameFile(entry.txt.path, entry.txt)) ? entry : undefined
    } catch {
      // An entry of the wrong shape (a hand-edited manifest) is no entry.
      return undefined
    }
  }

  /**
   * The plain-text twin the task's last render wrote beside `output`, when it is still as written: letterpress's
   * own, so a render that writes none may remove it (one the user edited is theirs and stays).
   */
  ownText(key: TaskKey, output: string): string | undefined {
    const txt = Object.hasOwn(this.entries, key.id) ? this.entries[key.id]!.txt : undefined
    try {
      return txt && txt.path === textPath(output) && sameFile(txt.path, txt) ? txt.path : undefined
    } catch {
      return undefined
    }
  }

  /** A task rendered and written: its entry, for the next run. */
  rendered(key: TaskKey, result: Pick<RenderResult, 'inputs' | 'pdf'> & { text?: Uint8Array }, output: string, report: LetterReport): void {
    const { pages, warnings, check } = report
    const { text } = result
    this.entries[key.id] = {
      letter: key.letter,
      options: key.options,
      inputs: result.inputs,
      output,
      bytes: result.pdf.byteLength,
      sha256: sha256(result.pdf),
      ...(text && { txt: { path: textPath(output), bytes: text.byteLength, sha256: sha256(text) } }),
      pages,
      warnings,
      ...(check && { check }),
    }
    this.changed = true
  }

  /** A task that failed is never unchanged: its entry goes. */
  failed(setup: RunSetup, task: Task): void {
    const id = taskId(setup, task)
    if (!Object.hasOwn(this.entries, id)) return
    delete this.entries[id]
    this.changed = true
  }

  /** Write the manifest when it changed; a failure is a warning (returned once per run), never the run's failure. */
  save(): string | undefined {
    if (!this.changed) return undefined
    try {
      writeManifest(this.file, this.outDir, this.entries)
      this.changed = false
    } catch (error) {
      if (this.warned) return undefined
      this.warned = true
      const why = error instanceof WriteError ? error.reason : String((error as Error)?.message ?? error)
      return `could not keep the re-run cache (${why}): the next run renders every letter again`
    }
    return undefined
  }

  /** What reading a file by its rule finds now, as recorded (its real path and hash, or its problem), once per batch. */
  private read(path: string, rule: ReadRule): string {
    const id = JSON.stringify([path, rule])
    let found = this.found.get(id)
    if (found === undefined) {
      found = JSON.stringify(fileRead(path, rule, readFileSafely(path, rule)).found)
      this.found.set(id, found)
    }
    return found
  }
}

/** A task in the manifest: its letter's absolute path, and its data row. */
function taskId(setup: RunSetup, task: Task): string {
  const letter = resolve(setup.cwd, task.path)
  return task.row ? `${letter}#${task.row.index}` : letter
}

/**
 * What every letter of the batch depends on besides its own options: --check, the config file's bytes, the
 * user's fonts (a font added can change a letter that named it), today's date when SOURCE_DATE_EPOCH does not
 * fix it, and the code that renders.
 */
function sharedKey(setup: RunSetup, fontDirs: string[], read: (path: string, rule: ReadRule) => string): string {
  const fonts = fontDirs.flatMap((dir) =>
    fontFiles(dir)
      .sort()
      .map((file) => [file, read(file, FONT_READ)]),
  )
  const file = setup.project.file
  const config = file ? read(file, { what: 'project config', limit: READ_LIMITS.packageJson }) : null
  return JSON.stringify({
    check: setup.options.check,
    config,
    fonts,
    today: setup.sourceDateEpoch === undefined ? localDay() : null,
    code: codeKey(),
  })
}

let code: string | undefined

/**
 * The code that renders: letterpress's version and a hash of the built files beside this one and of the worker's build (a build from
 * changed sources is other code under the same version), and Node's major version, zlib and ICU.
 */
function codeKey(): string {
  if (code === undefined) {
    const dir = dirname(fileURLToPath(import.meta.url))
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => [name, sha256(readFileSync(join(dir, name)))])
    // The render worker's own build (dist/worker) lists its scripts' hashes, written by the build.
    const worker = statSync(join(dir, '../worker/hashes.json'), { throwIfNoEntry: false })
      ? readFileSync(join(dir, '../worker/hashes.json'), 'utf8')
      : ''
    code = sha256(
      JSON.stringify([version(), files, worker, process.versions.node.split('.')[0], process.versions.zlib, process.versions.icu]),
    )
  }
  return code
}

/** Today in the local time zone (YYYY-MM-DD): what `date: today` prints without SOURCE_DATE_EPOCH. */
function localDay(): string {
  const now = new Date()
  return `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`
}

/** Whether a file an entry wrote (its PDF, its text) is still there as written: a regular file of its size and hash. */
function sameFile(path: string, written: { bytes: number; sha256: string }): boolean {
  const stats = statSync(path, { throwIfNoEntry: false })
  return Boolean(stats?.isFile()) && stats!.size === written.bytes && sha256(readFileSync(path)) === written.sha256
}
