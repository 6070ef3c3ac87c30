import { basename, dirname, resolve } from 'node:path'
import type { Io } from './io.js'
import type { Task } from './task.js'
import { expandInputs, type Input } from './inputs.js'
import { isInside } from '../util/paths.js'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'
import { watchFiles, type FileWatch } from './watch-files.js'

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

const inside = (file: string, dir: string) => isInside(dir, file)

/** A letter's text, read by the read rule so a letter replaced by a pipe cannot block the watch ('' when it cannot be read). */
function textOf(path: string): string {
  const read = readFileSafely(path, { what: 'letter', limit: READ_LIMITS.letter })
  return 'data' in read ? read.data.toString('utf8') : ''
}

/** What a letter names: its own text, and the text of each Markdown file under its folder that it names (an attached part names its images). */
function names(letter: string): string {
  const text = textOf(letter)
  const parts = [...text.matchAll(/[^\s'"[\](),:]+\.(?:md|markdown)\b/gi)]
    .map((match) => resolve(dirname(letter), match[0]))
    .filter((part) => part !== letter && inside(part, dirname(letter)))
  return [text, ...new Set(parts)].map((part, i) => (i ? textOf(part) : part)).join('\n')
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
    let fresh: Task[] = []
    if (files.some((f) => /\.(md|markdown)$/i.test(f) && !tasks.some((t) => resolve(io.cwd, t.path) === f))) {
      const before = new Set(tasks.map((t) => t.path))
      const found = await expandInputs(setup.inputs, io.cwd, setup.outDir).catch(() => [] as Input[])
      const rows = [...new Map(tasks.filter((t) => t.row).map((t) => [t.row!.index, t.row!])).values()]
      tasks = found.flatMap((input) => (rows.length ? rows.map((row) => ({ ...input, row })) : [input]))
      watcher.add(folders())
      fresh = tasks.filter((t) => !before.has(t.path))
    }
    // The letter itself, or a file under its folder that it names (an image, its signature, a theme file, an
    // attached Markdown file), or that a Markdown file it attaches names (its images).
    return tasks.filter((t) => {
      const letter = resolve(io.cwd, t.path)
      const others = files.filter((f) => f !== letter && inside(f, dirname(letter)))
      if (fresh.includes(t) || files.includes(letter)) return true
      if (!others.length) return false
      const text = names(letter)
      return others.some((f) => text.includes(basename(f)))
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
