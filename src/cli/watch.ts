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
