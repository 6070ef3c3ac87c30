import { isAbsolute, relative } from 'node:path'

/** Whether `path` is `root` or lies inside it (compare real paths where symlinks matter). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
