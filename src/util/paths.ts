import { realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'

/** Whether `path` is `root` or lies inside it (compare real paths where symlinks matter). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** Whether a real (symlink-free) path lies in one of `roots` (the letter's folder, --allow-path folders): the rule for every file a letter names. */
export function isAllowedPath(real: string, roots: string[]): boolean {
  // Roots are compared by their real paths too, so a letter folder reached through a symlink still matches.
  return roots.some((root) => isInside(realOrResolved(root), real))
}

/** A folder's real path, or its absolute path when it does not exist. */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return resolve(path)
  }
}

/** A path as the user reads it: an absolute one relative to the working folder when it lies inside it, else as given. */
export function shownPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}
