// Where letterpress keeps what a later run can reuse (compiled code, what a run rendered): never in the output folder.
import { accessSync, constants, existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'

/** The folder of the nearest package.json at or above `cwd`, if any. */
function projectRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return undefined
  }
}

/** Whether a folder exists and this process may create files in it. */
function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * letterpress's cache folder (not created here): $LETTERPRESS_CACHE_DIR when set; else node_modules/.cache/letterpress
 * of the project around `cwd` when its node_modules is writable (where build tools keep theirs, cleared with it);
 * else the user's cache folder ($XDG_CACHE_HOME, or ~/.cache).
 */
export function cacheDir(cwd: string, env: NodeJS.ProcessEnv): string {
  if (env.LETTERPRESS_CACHE_DIR) return resolve(cwd, env.LETTERPRESS_CACHE_DIR)
  const root = projectRoot(cwd)
  if (root && writable(join(root, 'node_modules'))) return join(root, 'node_modules', '.cache', 'letterpress')
  // The XDG rule: a relative XDG_CACHE_HOME is ignored.
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined
  return join(xdg ?? join(env.HOME || homedir(), '.cache'), 'letterpress')
}
