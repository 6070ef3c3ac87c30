import { readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { isInside } from '../util/paths.js'
import { checkImage } from './image-check.js'

/** A local image that may be embedded (with its pixel size), or the reason it may not. */
export type ImageSource = { path: string; width: number; height: number } | { problem: string }


/** Whether a real (symlink-free) path lies in the letter's folder or an `allowed` one: the rule for every file a letter names. */
export function isAllowedPath(real: string, baseDir: string, allowed: string[] = []): boolean {
  // Roots are compared by their real paths too, so a letter folder reached through a symlink still matches.
  const roots = [baseDir, ...allowed].map((root) => {
    try {
      return realpathSync(root)
    } catch {
      return resolve(root)
    }
  })
  return roots.some((root) => isInside(root, real))
}

/**
 * Resolve an image URL against the letter's folder: local PNG/JPEG files only, never the network, and never
 * outside the letter's folder or the `allowed` folders (a "../../etc/passwd" or a symlink out is not read).
 */
export function resolveImage(url: string, baseDir: string, allowed: string[] = []): ImageSource {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) && !/^[a-zA-Z]:[\\/]/.test(url)) {
    return { problem: `image "${url.slice(0, 60)}" not loaded: only local PNG or JPEG files are, nothing is fetched` }
  }
  let decoded = url
  try {
    decoded = decodeURI(url)
  } catch {
    // A stray % stays as written.
  }
  const path = isAbsolute(decoded) ? decoded : resolve(baseDir, decoded)
  let real: string
  try {
    real = realpathSync(path)
    if (!statSync(real).isFile()) return { problem: `image "${url}" is not a file` }
  } catch {
    return { problem: `image "${url}" not found` }
  }
  if (!isAllowedPath(real, baseDir, allowed)) {
    return { problem: `image "${url}" is outside the letter's folder and was not read (--allow-path DIR allows a folder)` }
  }
  const checked = checkImage(readFileSync(real), url)
  return 'problem' in checked ? checked : { path: real, width: checked.width, height: checked.height }
}
