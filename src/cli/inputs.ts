import { existsSync, statSync } from 'node:fs'
import { extname, relative, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import { UsageError } from './args.js'

/** A letter to render: its path as the user reads it, and its subfolder inside a folder input (mirrored in the output). */
export interface Input {
  path: string
  sub: string
}

const LETTER = /\.(md|markdown)$/i

/** Expand files, folders and globs into a sorted, de-duplicated list of .md letters; nothing matching is bad usage. */
export async function expandInputs(inputs: string[], cwd = process.cwd(), outDir?: string): Promise<Input[]> {
  const found = new Map<string, Input>()
  // Folders never searched: installed packages, and the output folder itself.
  const ignore = ['**/node_modules/**', '**/.git/**']
  for (const input of inputs) {
    const abs = resolve(cwd, input)
    let matches: { abs: string; sub: string }[]
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      const out = outDir && relative(abs, outDir)
      const skip = out && !out.startsWith('..') ? [...ignore, `${out}/**`] : ignore
      const files = await glob('**/*.{md,markdown}', { cwd: abs, absolute: true, caseSensitiveMatch: false, ignore: skip })
      matches = files.map((file) => ({ abs: file, sub: relative(abs, resolve(file, '..')) }))
      if (!matches.length) throw new UsageError(`no .md letters in folder "${input}"`)
    } else if (existsSync(abs)) {
      if (!LETTER.test(extname(abs))) throw new UsageError(`"${input}" is not a Markdown letter (.md or .markdown)`)
      matches = [{ abs, sub: '' }]
    } else {
      const files = (await glob(input, { cwd, absolute: true, ignore })).filter((file) => LETTER.test(file))
      if (!files.length) throw new UsageError(`no such file, folder or matching .md letters: "${input}"`)
      matches = files.map((file) => ({ abs: file, sub: '' }))
    }
    for (const m of matches.sort((a, b) => a.abs.localeCompare(b.abs))) {
      if (!found.has(m.abs)) found.set(m.abs, { path: relative(cwd, m.abs) || m.abs, sub: m.sub })
    }
  }
  return [...found.values()]
}

/** Whether a letter belongs to shard k of n: by a hash of its path, so a letter keeps its shard as others come and go. */
export function inShard(input: Input, [k, n]: [number, number]): boolean {
  // FNV-1a: small, stable across machines and Node versions.
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(input.path.replaceAll('\\', '/'))) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return hash % n === k - 1
}
