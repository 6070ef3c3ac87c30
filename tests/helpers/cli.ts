import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

/** The built command line (npm test builds it first). */
export const BIN = resolve(import.meta.dirname, '../../dist/bundle/main.js')

/** Run the letterpress binary in `cwd`; returns exit code, stdout and stderr. */
export function letterpress(cwd: string, args: string[], env: Record<string, string> = {}) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" (npm test does it)`)
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, input: '' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A temporary project folder holding the given files (path → content). */
export function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'letterpress-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

/** Copy a file or folder of the repository into a project folder. */
export function copyInto(dir: string, from: string, to: string): void {
  cpSync(resolve(import.meta.dirname, '../..', from), join(dir, to), { recursive: true })
}
