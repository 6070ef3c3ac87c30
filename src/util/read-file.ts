import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs'
import { resolve } from 'node:path'
import { isAllowedPath } from './paths.js'

const KB = 1024
const MB = 1024 * KB

/** The largest file read of each kind: far beyond what a real letter needs, small enough to hold in memory. */
export const READ_LIMITS = {
  // A cover letter is a few KB; past this, layout time and memory grow for nothing.
  letter: 512 * 1024,
  theme: 256 * KB,
  config: 256 * KB,
  packageJson: 1 * MB,
  data: 16 * MB,
  image: 20 * MB,
  attachment: 50 * MB,
  /** A PDF read back by `letterpress check`: an attachment's limit. */
  pdf: 50 * MB,
  /** A TTF/OTF in fonts/: a full CJK face is about 20 MB. */
  font: 64 * MB,
} as const

/** What may be read: the kind of file (for messages), its size limit and the folders it must lie in. */
export interface ReadRule {
  /** The kind of file, for messages: "theme file", "image", "attachment", "data file", "letter". */
  what: string
  /** The name as the letter or the user wrote it, quoted in messages; none when the message's file is this one. */
  name?: string
  /** The largest size read, in bytes (one of READ_LIMITS). */
  limit: number
  /** Folders the file must lie in, compared by real paths; none for the user's own files (named on the command line). */
  roots?: string[]
}

/** Why a file was not read: missing, outside its folders, not a regular file, too large, or an error of the system. */
export type ReadProblem = { problem: string; reason: 'missing' | 'outside' | 'not-a-file' | 'too-large' | 'unreadable' }

/** A file's bytes and real path, or why it was not read. */
export type ReadResult = { data: Buffer; real: string } | ReadProblem

const NOT_REGULAR = 'is not a regular file (a device, pipe or socket is never read)'

/** Find and check a file by the read rule without reading it: its real path and size, or why it may not be read. */
export function checkFile(path: string, rule: ReadRule): { real: string; size: number } | ReadProblem {
  const fail = failing(rule)
  const outside = () => fail('outside', "is outside the letter's folder and was not read (--allow-path DIR allows a folder)")
  const abs = resolve(path)
  let real: string
  try {
    real = realpathSync(abs)
  } catch (error) {
    // Confinement comes first, so a path outside the folders never tells whether it exists.
    if (rule.roots && !isAllowedPath(abs, rule.roots)) return outside()
    return systemProblem(error, fail)
  }
  if (rule.roots && !isAllowedPath(real, rule.roots)) return outside()
  let stats: Stats
  try {
    // The path as named, not its real path: a pipe behind /dev/stdin has no real path to look at.
    stats = statSync(abs)
  } catch (error) {
    return systemProblem(error, fail)
  }
  if (stats.isDirectory()) return fail('not-a-file', 'is a folder, not a file')
  if (!stats.isFile()) return fail('not-a-file', NOT_REGULAR)
  if (stats.size > rule.limit) return fail('too-large', tooLarge(stats.size, rule))
  return { real, size: stats.size }
}

/**
 * The one way a file named by a letter, the project config or the command line is read: its real path must lie
 * in `roots` (when given), it must be a regular file (checked before it is opened, so a device or a pipe never
 * blocks the run) and no larger than `limit`. Returns its bytes, or the problem as a sentence naming the file.
 */
export function readFileSafely(path: string, rule: ReadRule): ReadResult {
  const result = readChecked(path, rule)
  recording?.push(fileRead(path, rule, result))
  return result
}

/** A file read by the rule: what was asked (its path and rule), and what came of it (its real path and content hash, or the problem). */
export interface FileRead {
  path: string
  rule: ReadRule
  found: { real: string; sha256: string } | { problem: string }
}

/** The reads of the work in hand, while `recordReads` runs it. */
let recording: FileRead[] | undefined

/**
 * Run `work`, recording every file it reads by the rule (found or not: a missing image matters once it
 * appears), so a caller knows what its result depends on. One recording at a time: renders run one by one.
 */
export async function recordReads<T>(work: () => Promise<T>): Promise<{ value: T; reads: FileRead[] }> {
  const outer = recording
  const reads: FileRead[] = []
  recording = reads
  try {
    return { value: await work(), reads }
  } finally {
    recording = outer
  }
}

/** One read as recorded: the path made absolute, the rule as given, the outcome with the bytes' hash. */
export function fileRead(path: string, rule: ReadRule, result: ReadResult): FileRead {
  const found = 'problem' in result ? { problem: result.problem } : { real: result.real, sha256: sha256(result.data) }
  return { path: resolve(path), rule: { ...rule }, found }
}

/** The SHA-256 of some bytes, in hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}

/** readFileSafely's work, unrecorded. */
function readChecked(path: string, rule: ReadRule): ReadResult {
  const found = checkFile(path, rule)
  if ('problem' in found) return found
  const fail = failing(rule)
  let fd: number
  try {
    // O_NONBLOCK: should the file be swapped for a pipe after the check, opening it does not wait for a writer.
    fd = openSync(found.real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return systemProblem(error, fail)
  }
  try {
    // The open file is checked again: what was checked above may have been replaced in between.
    const stats = fstatSync(fd)
    if (!stats.isFile()) return fail('not-a-file', NOT_REGULAR)
    const data = readUpTo(fd, stats.size, rule.limit)
    return data ? { data, real: found.real } : fail('too-large', tooLarge(undefined, rule))
  } catch (error) {
    return systemProblem(error, fail)
  } finally {
    closeSync(fd)
  }
}

/** Read an open file to its end, or null once it holds more than `limit` bytes (it may grow while it is read). */
function readUpTo(fd: number, expected: number, limit: number): Buffer | null {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    // The first read asks for one byte more than stat said, so a file of the expected size takes one read.
    // Never from Node's shared pool: a caller may hand the bytes' whole ArrayBuffer on.
    const chunk = Buffer.allocUnsafeSlow(Math.min(chunks.length ? 64 * KB : expected + 1, limit + 1 - total))
    const n = readSync(fd, chunk, 0, chunk.length, null)
    if (n === 0) break
    chunks.push(chunk.subarray(0, n))
    total += n
    if (total > limit) return null
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
}

type Fail = (reason: ReadProblem['reason'], why: string) => ReadProblem

/** A problem of the file `rule` reads, as a sentence that starts with its kind and name: 'image "a.png" not found'. */
function failing(rule: ReadRule): Fail {
  const subject = rule.name === undefined ? rule.what : `${rule.what} "${rule.name}"`
  return (reason, why) => ({ problem: `${subject} ${why}`, reason })
}

/** "is too large: 27 MB; images up to 20 MB are read" (without the size when the file grew while it was read). */
function tooLarge(size: number | undefined, rule: ReadRule): string {
  return `is too large${size === undefined ? '' : `: ${formatSize(size)}`}; ${rule.what}s up to ${formatSize(rule.limit)} are read`
}

/** A size as people read it, rounded up (so a file just over a limit never reads as the limit): KB below a megabyte, else MB to one decimal. */
function formatSize(bytes: number): string {
  return bytes < MB ? `${Math.ceil(bytes / KB)} KB` : `${Math.ceil((bytes / MB) * 10) / 10} MB`
}

/** A system error as a problem: "not found" for a missing file, else its reason in words. */
function systemProblem(error: unknown, fail: Fail): ReadProblem {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('missing', 'not found')
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ELOOP'
        ? 'too many symbolic links'
        : String((error as Error)?.message ?? error)
  return fail('unreadable', `could not be read (${why})`)
}
