// V8's compiled code for the render worker's scripts, kept between runs so a warm machine skips compiling them.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'

/** Compiled code of scripts by name, each entry valid only for the exact script and the Node that made it. */
export interface CodeCache {
  /** The cached data for the script `name` with content hash `hash`, if a matching entry exists. */
  read(name: string, hash: string): Buffer | undefined
  /** Keep the script's code from `produce` (not called when the folder cannot be written); false when not kept. */
  write(name: string, hash: string, produce: () => Buffer): boolean
}

/** What decides whether V8 accepts cached code: the Node build and the flags it runs with, and the script itself. */
function entryKey(hash: string): string {
  const node = [process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? '', hash]
  return sha256(node.join('\n'))
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
/** An entry's first line: its key, then the checksum of the code after it (V8 crashes on a damaged cache it accepts). */
const HEADER_BYTES = 64 + 64 + 1

/** A code cache in the folder `dir` (created when first written): one file per script, its key and checksum first. */
export function codeCache(dir: string): CodeCache {
  const file = (name: string) => join(dir, `${name}.code`)
  // A folder that could not be made once is not tried again (nor its code serialised) for the other scripts.
  let unwritable = false
  return {
    read(name, hash) {
      try {
        const entry = readFileSync(file(name))
        const header = entry.subarray(0, HEADER_BYTES).toString('latin1')
        const code = entry.subarray(HEADER_BYTES)
        // Another version of the script or of Node wrote it, or it is damaged: as good as missing (the next write replaces it).
        return header === `${entryKey(hash)}${sha256(code)}\n` ? code : undefined
      } catch {
        return undefined
      }
    },
    write(name, hash, produce) {
      if (unwritable) return false
      try {
        mkdirSync(dir, { recursive: true })
      } catch {
        unwritable = true
        return false
      }
      // Written whole under a temporary name, then renamed: a reader (another worker) never sees half a file.
      const temporary = `${file(name)}.${process.pid}-${threadId}.tmp`
      try {
        const code = produce()
        writeFileSync(temporary, Buffer.concat([Buffer.from(`${entryKey(hash)}${sha256(code)}\n`, 'latin1'), code]))
        renameSync(temporary, file(name))
        return true
      } catch {
        try {
          rmSync(temporary, { force: true })
        } catch {
          // The folder itself is not there to hold it.
        }
        return false
      }
    },
  }
}
