import { existsSync, statSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import { UsageError } from './args.js'

/** Expand files, folders and globs into a sorted, de-duplicated list of .md files; nothing matching is bad usage. */
export async function expandInputs(inputs: string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>()
  for (const input of inputs) {
    const abs = resolve(cwd, input)
    let matches: string[]
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      matches = await glob('**/*.{md,markdown}', { cwd: abs, absolute: true, caseSensitiveMatch: false })
      if (!matches.length) throw new UsageError(`no .md letters in folder "${input}"`)
    } else if (existsSync(abs)) {
      matches = [abs]
    } else {
      matches = await glob(input, { cwd, absolute: true })
      if (!matches.length) throw new UsageError(`no such file, folder or matching letters: "${input}"`)
    }
    for (const m of matches.sort()) found.add(m)
  }
  return [...found].map((abs) => relative(cwd, abs) || abs)
}
