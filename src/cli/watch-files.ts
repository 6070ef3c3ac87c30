import { existsSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { watch } from 'chokidar'
import { isInside } from '../util/paths.js'

/** A running watch: more paths to watch, and a way to stop (after the change in hand is handled). */
export interface FileWatch {
  add(paths: string[]): void
  close(): Promise<void>
}

/** Quiet time after the last change before rendering: an editor's save is often several writes. */
const SETTLE_MS = 80

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
  return isInside(outDir, resolve(path)) || NOT_WATCHED.test(path) || EDITOR_FILES.some((pattern) => pattern.test(name))
}

/**
 * Watch files and folders (missing ones too: they count once created); after each burst of changes call
 * `onChange` once with the changed absolute paths, one call at a time. Resolves once the watch is ready.
 */
export async function watchFiles(
  paths: string[],
  outDir: string,
  onChange: (files: string[]) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<FileWatch> {
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running = Promise.resolve()
  const onEvent = (path: string) => {
    changed.add(resolve(path))
    clearTimeout(timer)
    timer = setTimeout(() => {
      const files = [...changed]
      changed.clear()
      // Changes made during a render are handled after it.
      // A failure (a config saved half-edited) is reported and the watch goes on.
      running = running.then(() => onChange(files)).catch(onError)
    }, SETTLE_MS)
  }
  const watcher = watch([], { ignoreInitial: true, ignored: (path) => isIgnored(path, outDir) })
  watcher.on('all', (_event, path) => onEvent(path))
  const missing = watchMissing(outDir, (path) => {
    // Once there, it is watched as the paths that existed from the start are (a folder with all it holds).
    watcher.add(path)
    onEvent(path)
  })
  const add = (more: string[]) => {
    const absolute = more.map((path) => resolve(path))
    // A missing path in a missing folder is left to chokidar, which watches for it from the nearest folder there.
    const byFolder = absolute.filter((path) => !existsSync(path) && existsSync(dirname(path)))
    const there = absolute.filter((path) => !byFolder.includes(path))
    watcher.add(there)
    return { there: there.length, missing: missing.add(byFolder) }
  }
  const added = add(paths)
  // A chokidar watch given no paths never says it is ready.
  const ready = (w: typeof watcher, count: number) => (count ? new Promise<void>((done) => w.once('ready', done)) : undefined)
  await Promise.all([ready(watcher, added.there), ready(missing.watcher, added.missing)])
  return {
    add: (more) => void add(more),
    async close() {
      clearTimeout(timer)
      await Promise.all([watcher.close(), missing.watcher.close()])
      await running
    },
  }
}

/**
 * Watch for paths that do not exist yet through their folders, one level deep: chokidar given several missing
 * files in one folder reports only one of them (paulmillr/chokidar#1276).
 */
function watchMissing(outDir: string, onEvent: (path: string) => void) {
  const wanted = new Set<string>()
  const folders = new Set<string>()
  const watcher = watch([], {
    ignoreInitial: true,
    depth: 0,
    ignored: (path) => {
      const full = resolve(path)
      return !folders.has(full) && (!wanted.has(full) || isIgnored(full, outDir))
    },
  })
  watcher.on('all', (_event, path) => {
    if (wanted.has(resolve(path))) onEvent(path)
  })
  return {
    watcher,
    /** Watch for these (absolute) paths to appear; returns how many folders that adds to the watch. */
    add(paths: string[]): number {
      for (const path of paths) wanted.add(path)
      const parents = [...new Set(paths.map((path) => dirname(path)))].filter((folder) => !folders.has(folder))
      for (const folder of parents) folders.add(folder)
      watcher.add(parents)
      return parents.length
    },
  }
}
