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
function entryKey(hash: string): Buffer {
  const node = [process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? '', hash]
  return Buffer.from(createHash('sha256').update(node.join('\n')).digest('hex') + '\n')
}

/** A code cache in the folder `dir` (created when first written): one file per script, its key on the first line. */
export function codeCache(dir: string): CodeCache {
  const file = (name: string) => join(dir, `${name}.code`)
  // A folder that could not be made once is not tried again (nor its code serialised) for the other scripts.
  let unwritable = false
  return {
    read(name, hash) {
      const key = entryKey(hash)
      try {
        const data = readFileSync(file(name))
        // Another version of the script or of Node wrote it: as good as missing (the next write replaces it).
        return data.subarray(0, key.length).equals(key) ? data.subarray(key.length) : undefined
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
        writeFileSync(temporary, Buffer.concat([entryKey(hash), produce()]))
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
