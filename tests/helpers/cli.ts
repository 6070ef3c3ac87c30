import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

/** The built command line (npm test builds it first). */
export const BIN = resolve(import.meta.dirname, '../../dist/bundle/main.js')

/** This test file's cache folders: one per working folder, so runs in one project share a cache and no two projects (or test runs) do. */
const CACHES = mkdtempSync(join(tmpdir(), 'letterpress-cache-'))

/** The environment a run in `cwd` gets: the caller's, with the project's own cache folder (unless `env` names one). */
export function projectEnv(cwd: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const cache = join(CACHES, createHash('sha256').update(resolve(cwd)).digest('hex').slice(0, 16))
  return { ...process.env, LETTERPRESS_CACHE_DIR: cache, ...env }
}

/** Run the letterpress binary in `cwd`; returns exit code, stdout and stderr. */
export function letterpress(cwd: string, args: string[], env: Record<string, string> = {}) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" (npm test does it)`)
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: projectEnv(cwd, env), input: '' })
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

/** A letterpress process left running (--watch, preview): its output so far, and a wait for a condition on it. */
export function spawnLetterpress(cwd: string, args: string[]) {
  const proc: ChildProcess = spawn(process.execPath, [BIN, ...args], { cwd, env: projectEnv(cwd) })
  let out = ''
  let err = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (err += d))
  /** Resolve once `what()` holds, polling; reject after `ms` with what the process printed. */
  const until = (what: () => boolean, label: string, ms = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now()
      const poll = setInterval(() => {
        if (what()) {
          clearInterval(poll)
          resolve()
        } else if (Date.now() - started > ms) {
          clearInterval(poll)
          reject(new Error(`timed out waiting for ${label}\nstdout:\n${out}\nstderr:\n${err}`))
        }
      }, 25)
    })
  const exit = new Promise<number | null>((resolve) => proc.on('close', resolve))
  return { proc, out: () => out, err: () => err, until, exit }
}

/** Files under `dir` (any depth) whose names end in `ending`, sorted; none when `dir` does not exist. */
export function filesIn(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(ending))
    .sort()
}
