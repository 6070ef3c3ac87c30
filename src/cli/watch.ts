import { basename, dirname, resolve } from 'node:path'
import { watch } from 'chokidar'
import type { Io } from './io.js'
import type { Task } from './task.js'
import { expandInputs, type Input } from './inputs.js'
import { isInside } from '../util/paths.js'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'

/** What a watch needs from its command (`--watch`, `preview`): its letters, what they share, and how to render some of them again. */
export interface WatchSetup {
  io: Io
  /** The command line's inputs, expanded again when letters are added or removed. */
  inputs: string[]
  tasks: Task[]
  /** The output folder: what is written there never triggers a render. */
  outDir: string
  /** Files every letter depends on (config, --theme file, --data file, --allow-path folders). */
  shared: string[]
  /** Files the project config names (its signature, theme file, attachments), asked again after the config changes. */
  named: () => string[]
  fontsDir: string
  render: (tasks: Task[]) => Promise<void>
  reloadConfig: () => void
  /** Report a change that could not be handled (a broken config); the watch goes on. */
  onError: (error: unknown) => void
  restartRenderer: () => Promise<void>
}

/** Quiet time after the last change before rendering: an editor's save is often several writes. */
const SETTLE_MS = 80

const inside = (file: string, dir: string) => isInside(dir, file)

/** A running watch: more paths to watch, and a way to stop (after the change in hand is handled). */
export interface FileWatch {
  add(paths: string[]): void
  close(): Promise<void>
}

/** Folders whose changes are never a letter's: installed packages and version control. */
const NOT_WATCHED = /(^|[/\\])(node_modules|\.git)([/\\]|$)/

/**
 * Files editors write beside the one being edited, by name (chokidar itself passes over vim's .swp/.swx and
 * `name~` backups): vim's other swap files and its probe of whether a folder is writable, Emacs lock and
 * auto-save files, JetBrains safe writes, macOS Finder's folder state, and hidden temporary files renamed
 * into place (letterpress's own writes among them).
 */
const EDITOR_FILES = [/^\..+\.sw[a-z]$/, /^4913$/, /~$/, /^\.#/, /^#.*#$/, /___jb_(tmp|old)___$/, /^\.DS_Store$/, /^\..+\.tmp$/]

/** Whether a change under a watch is passed over: inside the output folder, a package or .git folder, or an editor's temporary file. */
export function isIgnored(path: string, outDir: string): boolean {
  const name = basename(path)
  return inside(resolve(path), outDir) || NOT_WATCHED.test(path) || EDITOR_FILES.some((pattern) => pattern.test(name))
}

/**
 * Watch files and folders (missing ones too: they count once created); after each burst of changes call
 * `onChange` once with the changed absolute paths, one call at a time. Resolves once the watch is ready.
 */
async function watchFiles(
  paths: string[],
  outDir: string,
  onChange: (files: string[]) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<FileWatch> {
  const watcher = watch(paths, { ignoreInitial: true, ignored: (path) => isIgnored(path, outDir) })
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running = Promise.resolve()
  watcher.on('all', (_event, path) => {
    changed.add(resolve(path))
    clearTimeout(timer)
    timer = setTimeout(() => {
      const files = [...changed]
      changed.clear()
      // Changes made during a render are handled after it.
      // A failure (a config saved half-edited) is reported and the watch goes on.
      running = running.then(() => onChange(files)).catch(onError)
    }, SETTLE_MS)
  })
  await new Promise<void>((ready) => watcher.once('ready', ready))
  return {
    add: (more) => void watcher.add(more),
    async close() {
      clearTimeout(timer)
      await watcher.close()
      await running
    },
  }
}

/**
 * Watch the letters' folders (their images and signatures live there), the project config, theme, data and
 * font files; render again the letters a change touches, in the warm workers. Resolves once watching.
 */
export async function watchLetters(setup: WatchSetup): Promise<FileWatch> {
  const { io } = setup
  let tasks = setup.tasks
  const folders = () => [...new Set(tasks.map((t) => dirname(resolve(io.cwd, t.path))))]
  const affected = async (files: string[]): Promise<Task[]> => {
    if (files.some((f) => inside(f, setup.fontsDir))) await setup.restartRenderer()
    const shared = [...setup.shared, ...setup.named()]
    if (files.some((f) => shared.some((s) => inside(f, s)) || inside(f, setup.fontsDir))) {
      setup.reloadConfig()
      // The config may name other files now.
      watcher.add(setup.named())
      return tasks
    }
    // A letter added or removed: the inputs are expanded again (new letters render, removed ones are dropped).
    if (files.some((f) => /\.(md|markdown)$/i.test(f) && !tasks.some((t) => resolve(io.cwd, t.path) === f))) {
      const before = new Set(tasks.map((t) => t.path))
      const found = await expandInputs(setup.inputs, io.cwd, setup.outDir).catch(() => [] as Input[])
      const rows = [...new Map(tasks.filter((t) => t.row).map((t) => [t.row!.index, t.row!])).values()]
      tasks = found.flatMap((input) => (rows.length ? rows.map((row) => ({ ...input, row })) : [input]))
      watcher.add(folders())
      return tasks.filter((t) => !before.has(t.path) || files.includes(resolve(io.cwd, t.path)))
    }
    // The letter itself, or a file under its folder that it names (an image, its signature, a theme file).
    // Read by the read rule, so a letter replaced by a pipe cannot block the watch.
    const names = (task: Task) => {
      const read = readFileSafely(resolve(io.cwd, task.path), { what: 'letter', limit: READ_LIMITS.letter })
      return 'data' in read ? read.data.toString('utf8') : ''
    }
    return tasks.filter((t) => {
      const letter = resolve(io.cwd, t.path)
      const others = files.filter((f) => f !== letter && !/\.(md|markdown)$/i.test(f) && inside(f, dirname(letter)))
      return files.includes(letter) || (others.length > 0 && others.some((f) => names(t).includes(basename(f))))
    })
  }
  const watcher = await watchFiles(
    [...folders(), ...setup.shared, ...setup.named(), setup.fontsDir],
    setup.outDir,
    async (files) => {
      const batch = await affected(files)
      if (batch.length) await setup.render(batch)
    },
    setup.onError,
  )
  return watcher
}
