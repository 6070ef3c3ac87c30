import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** A file that could not be written: the file meant (never the temporary one) and why, as the system says it. */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`writing ${path}: ${reason}`)
  }
}

/** The system's reason for a failed file operation ("no space left on device"), without the paths it names. */
export function writeFailure(path: string, error: unknown): WriteError {
  const { code, message } = error as NodeJS.ErrnoException
  // Node's messages read "ENOSPC: no space left on device, write '/out/.a.pdf.123.tmp'": keep the reason only.
  const reason = /^E[A-Z0-9]+: ([^,]+)/.exec(String(message))?.[1] ?? String(message ?? error)
  // (Only making the folders gives EEXIST: a file stands where one of them goes.)
  if (code === 'ENOTDIR' || code === 'EEXIST') return new WriteError(path, 'not a directory (a part of the path is a file)', code)
  return new WriteError(path, reason, code)
}

/**
 * Write a file atomically: a temporary file beside it, then a rename; a failure leaves the old file untouched and
 * throws a WriteError naming the file.
 */
export function writeAtomic(path: string, data: Uint8Array): void {
  // The temporary name is never much longer than a short name, so only a name too long in itself fails as one.
  const tmp = join(
    dirname(path),
    `.${Buffer.from(basename(path)).subarray(0, 64).toString()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  )
  try {
    makeFolder(dirname(path))
    writeFileSync(tmp, data)
    renameSync(tmp, path)
  } catch (error) {
    removeQuietly(tmp)
    throw writeFailure(path, error)
  }
}

/** Remove a temporary file if it is there; a folder that cannot hold it (the reason the write failed) is no error. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // Nothing was written there.
  }
}

/**
 * mkdir -p, one level at a time. Node's own recursive mkdirSync spins forever where mkdir answers ENOENT although
 * the parent exists (as under /proc); here each level is made at most once and that error is thrown.
 */
function makeFolder(dir: string): void {
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return
  try {
    mkdirSync(dir)
    return
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // EEXIST: made meanwhile (another process), or a file is in the way (reported as such).
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return
    if (code !== 'ENOENT' || dirname(dir) === dir) throw error
  }
  makeFolder(dirname(dir))
  mkdirSync(dir)
}
