// V8's compiled code for the render worker's scripts, kept between runs so a warm machine skips compiling them.
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sha256 } from '../util/read-file.js'
import { writeAtomic } from '../write/atomic.js'

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

/** An entry's first line: its key, then the checksum of the code after it (V8 crashes on a damaged cache it accepts). */
const HEADER_BYTES = 64 + 64 + 1

/** A code cache in the folder `dir` (created when first written): one file per script, its key and checksum first. */
export function codeCache(dir: string): CodeCache {
  const file = (name: string) => join(dir, `${name}.code`)
  // A folder that cannot be made or written is not tried again (nor its code serialised) for the other scripts.
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
        accessSync(dir, constants.W_OK)
      } catch {
        unwritable = true
        return false
      }
      // Written whole under a temporary name, then renamed: a reader (another worker) never sees half a file.
      try {
        const code = produce()
        writeAtomic(file(name), Buffer.concat([Buffer.from(`${entryKey(hash)}${sha256(code)}\n`, 'latin1'), code]))
        return true
      } catch {
        return false
      }
    },
  }
}
