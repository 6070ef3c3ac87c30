import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs'
import { basename, extname, join, relative, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import { LetterError } from '../parse/errors.js'
import { decodeLetter } from '../parse/limits.js'
import { isResume } from '../resume/is-resume.js'
import { isInside } from '../util/paths.js'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'
import { UsageError } from './args.js'

/** A letter to render: its path as the user reads it, and its subfolder inside a folder input (mirrored in the output). */
export interface Input {
  path: string
  sub: string
}

/** An entry a folder search passed over (a link out of the folder, a pipe named .md): its path as the user reads it, and why. */
export interface Skipped {
  path: string
  message: string
}

const LETTER = /\.(md|markdown)$/i

/** Folders never searched: installed packages (hidden ones such as .git are not searched either). */
const NOT_SEARCHED = new Set(['node_modules'])

/**
 * Expand files, folders and globs into a sorted, de-duplicated list of .md letters (and .json resumes named or globbed as such); nothing matching is bad usage.
 * A folder search never leaves its folder (see searchFolder); what it passes over goes to `onSkip`.
 */
export async function expandInputs(
  inputs: string[],
  cwd = process.cwd(),
  outDir?: string,
  onSkip?: (skipped: Skipped) => void,
): Promise<Input[]> {
  // Keyed by real path: a letter reached twice (named and found, or through a link) renders once.
  const found = new Map<string, Input>()
  const ignore = ['**/node_modules/**', '**/.git/**']
  for (const input of inputs) {
    const abs = resolve(cwd, input)
    const stats = statSync(abs, { throwIfNoEntry: false })
    let matches: { abs: string; sub: string }[]
    if (stats?.isDirectory()) {
      const skip = (path: string, why: string) => onSkip?.({ path: relative(cwd, path) || path, message: `skipped: ${why}` })
      matches = searchFolder(abs, input, outDir, skip).map((file) => ({ abs: file, sub: relative(abs, resolve(file, '..')) }))
      if (!matches.length) throw new UsageError(`no .md letters in folder "${input}"`)
    } else if (stats) {
      // A file named on the command line is the user's choice, wherever it lies; it must be a file, though.
      if (!stats.isFile()) throw new UsageError(`"${input}" is not a regular file (a device, pipe or socket is never read)`)
      // A JSON Resume only when named: a folder's .json files are data, configs and packages more often than resumes.
      if (!LETTER.test(extname(abs)) && !isResume(abs))
        throw new UsageError(`"${input}" is not a Markdown letter (.md or .markdown) or a JSON Resume (.json)`)
      matches = [{ abs, sub: '' }]
    } else {
      // Links are not followed here either: a pattern such as "letters/**/*.md" must not loop or leave its folders.
      // A glob that ends in .json names JSON Resumes as plainly as a file name does; any other takes letters only.
      const resumes = isResume(input)
      const wanted = (file: string) => (resumes ? isResume(file) : LETTER.test(file))
      const files = (await glob(input, { cwd, absolute: true, ignore, followSymbolicLinks: false })).filter(wanted)
      if (!files.length) throw new UsageError(`no such file, folder or matching ${resumes ? '.json resumes' : '.md letters'}: "${input}"`)
      matches = files.map((file) => ({ abs: file, sub: '' }))
    }
    for (const m of matches.sort((a, b) => a.abs.localeCompare(b.abs))) {
      const key = realpathSync(m.abs)
      if (!found.has(key)) found.set(key, { path: relative(cwd, m.abs) || m.abs, sub: m.sub })
    }
  }
  return [...found.values()]
}

/**
 * The letters in a folder and its subfolders, never leaving it: a link to a folder is never followed (no loops,
 * no letters from elsewhere), a link to a letter only when its real path lies inside the folder and it is not
 * found there already, and only regular files are taken. Hidden entries, node_modules and `outDir` are not
 * searched. Links out of the folder and letters that are not regular files go to `skip`.
 */
function searchFolder(root: string, label: string, outDir: string | undefined, skip: (path: string, why: string) => void): string[] {
  const realRoot = realpathSync(root)
  const files: string[] = []
  const links: string[] = []
  const folders = [root]
  while (folders.length) {
    const folder = folders.pop()!
    let entries: Dirent[]
    try {
      entries = readdirSync(folder, { withFileTypes: true })
    } catch {
      // A subfolder that cannot be listed (no permission) holds no letters to render.
      continue
    }
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.name.startsWith('.') || NOT_SEARCHED.has(entry.name) || path === outDir) continue
      if (entry.isSymbolicLink()) links.push(path)
      else if (entry.isDirectory()) folders.push(path)
      else if (LETTER.test(entry.name)) {
        if (entry.isFile()) files.push(path)
        else skip(path, 'not a regular file (a device, pipe or socket is never read)')
      }
    }
  }
  // Only real folders were entered, so a file's real path is its place under the folder's real path.
  const taken = new Set(files.map((file) => join(realRoot, relative(root, file))))
  for (const link of links.sort()) {
    const letter = LETTER.test(basename(link))
    let real: string
    try {
      real = realpathSync(link)
    } catch {
      if (letter) skip(link, 'a link to nothing (its target does not exist)')
      continue
    }
    const target = statSync(real, { throwIfNoEntry: false })
    if (!target || (!target.isDirectory() && !letter)) continue
    if (!isInside(realRoot, real)) {
      skip(link, `a link to a ${target.isDirectory() ? 'folder' : 'file'} outside "${label}"; a folder search stays inside its folder`)
    } else if (!target.isDirectory() && !target.isFile()) {
      skip(link, 'not a regular file (a device, pipe or socket is never read)')
    } else if (target.isFile() && !taken.has(real)) {
      // A link to a folder inside is passed over quietly: its letters are found where they are.
      taken.add(real)
      files.push(link)
    }
  }
  return files
}

/** A letter's text: read by the rule for every file (a regular file, within the letter size limit) and decoded; a problem throws a LetterError. */
export function readLetter(path: string, shown: string): string {
  const read = readFileSafely(path, { what: 'letter', limit: READ_LIMITS.letter })
  if ('problem' in read) throw new LetterError(read.problem, null, null, shown)
  return decodeLetter(read.data, shown)
}

/** Whether a letter belongs to shard k of n: by a hash of its path, so a letter keeps its shard as others come and go. */
export function inShard(input: Input, [k, n]: [number, number]): boolean {
  // FNV-1a: small, stable across machines and Node versions.
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(input.path.replaceAll('\\', '/'))) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return hash % n === k - 1
}
