import { statSync } from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'

/**
 * The folder letterpress keeps its caches in: LETTERPRESS_CACHE_DIR when set; else node_modules/.cache/letterpress
 * in a project with node_modules (where CI caches and `npm ci` keep it beside the packages); else the user's
 * cache folder ($XDG_CACHE_HOME/letterpress or ~/.cache/letterpress).
 */
export function cacheDir(cwd: string, env: NodeJS.ProcessEnv): string {
  if (env.LETTERPRESS_CACHE_DIR) return resolve(cwd, env.LETTERPRESS_CACHE_DIR)
  const modules = join(cwd, 'node_modules')
  if (statSync(modules, { throwIfNoEntry: false })?.isDirectory()) return join(modules, '.cache', 'letterpress')
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache')
  return join(xdg, 'letterpress')
}
