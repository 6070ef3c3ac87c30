// The re-run manifest: for each letter (and data row) rendered into one output folder, what its PDF was made
// from and what was written, kept in the cache folder (never in the output folder, which holds only PDFs).
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { sha256, type FileRead } from '../util/read-file.js'
import { writeAtomic } from '../write/atomic.js'
import { parseCli } from './args.js'
import { cacheDir } from './cache-dir.js'
import type { LetterReport } from './report.js'

/** What the last good render of one task decided its PDF from, and what it wrote and reported. */
export interface ManifestEntry {
  /** SHA-256 of the letter's text. */
  letter: string
  /** SHA-256 of everything else the run decides the PDF from: options, data row, config, fonts, letterpress and Node. */
  options: string
  /** The files the render read by the read rule, with what it found. */
  inputs: FileRead[]
  /** The PDF written: its absolute path, size and SHA-256. */
  output: string
  bytes: number
  sha256: string
  /** The plain-text twin written beside it, when one was asked for: its absolute path, size and SHA-256. */
  txt?: { path: string; bytes: number; sha256: string }
  pages: number
  warnings: LetterReport['warnings']
  check?: LetterReport['check']
}

/** The entries of one output folder, by task (see taskId). */
export type Manifest = Record<string, ManifestEntry>

/** Bumped when the manifest's shape changes: an older file is then ignored. */
const FORMAT = 1

/** Where the manifest of an output folder lives: one file per absolute output folder, so two projects never share entries. */
export function manifestPath(cache: string, outDir: string): string {
  return join(cache, 'renders', `${sha256(resolve(outDir)).slice(0, 32)}.json`)
}

/** The manifest of an output folder; an empty one when there is none or it cannot be read as one (corrupt, another format, another folder). */
export function readManifest(path: string, outDir: string): Manifest {
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; outDir?: unknown; entries?: unknown }
    const ok = file.format === FORMAT && file.outDir === resolve(outDir) && typeof file.entries === 'object' && file.entries
    return ok ? (file.entries as Manifest) : {}
  } catch {
    return {}
  }
}

/** Write the manifest whole (a temporary file, then a rename); a failure throws a WriteError and leaves the old one. */
export function writeManifest(path: string, outDir: string, entries: Manifest): void {
  writeAtomic(path, Buffer.from(JSON.stringify({ format: FORMAT, outDir: resolve(outDir), entries })))
}

/**
 * Whether this command line may find its letters unchanged: a render run whose output folder has a manifest
 * written after every input it names (a file or folder) last changed, without --force. Decided before the CLI
 * loads, so a run that will render (a first run, a letter just saved) starts its render worker at once.
 */
export function mayBeUnchanged(argv: string[], cwd: string, env: NodeJS.ProcessEnv): boolean {
  try {
    const options = parseCli(argv)
    if (options.force) return false
    const written = statSync(manifestPath(cacheDir(cwd, env), resolve(cwd, options.out)), { throwIfNoEntry: false })?.mtimeMs
    return (
      written !== undefined &&
      options.inputs.every((input) => (statSync(resolve(cwd, input), { throwIfNoEntry: false })?.mtimeMs ?? 0) < written)
    )
  } catch {
    // Bad usage is reported once the CLI has loaded.
    return false
  }
}
