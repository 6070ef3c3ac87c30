import { dirname, join, resolve } from 'node:path'
import type { RenderOptions } from '../letter.js'
import type { ProjectConfig } from '../parse/config.js'
import type { CliOptions } from './args.js'
import type { Task } from './task.js'

/** What every letter of a render run shares: the checked command line, the project config and the output folder. */
export interface RunSetup {
  cwd: string
  /** The command line, its --theme file (if any) made absolute. */
  options: CliOptions
  /** --allow-path folders, absolute. */
  allowPaths: string[]
  sourceDateEpoch: number | undefined
  /** The project config; read again when it changes (--watch). */
  project: ProjectConfig
  outDir: string
}

/** The options one letter (and its data row) renders with. */
export function renderOptions(setup: RunSetup, { path, row }: Task): RenderOptions {
  const { cwd, options, project } = setup
  return {
    path,
    values: row?.values,
    row: row && `row ${row.index}`,
    baseDir: dirname(resolve(cwd, path)),
    config: project.raw,
    theme: options.theme,
    paper: options.paper,
    maxPages: options.maxPages,
    fit: options.fit,
    pdfa: options.pdfa,
    // Without --txt the letter's own `txt` field decides.
    txt: options.txt || undefined,
    txtWrap: options.txtWrap,
    // --attach paths are the user's own, relative to the cwd: not confined to the letter's folder.
    attach: options.attach.map((file) => resolve(cwd, file)),
    sourceDateEpoch: setup.sourceDateEpoch,
    fontDirs: [join(cwd, 'fonts')],
    cwd,
    // The project config's folder is the user's own; other folders only when named.
    allowPaths: [...(project.file ? [dirname(project.file)] : []), ...setup.allowPaths],
  }
}
