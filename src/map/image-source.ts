import { isAbsolute, resolve } from 'node:path'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'
import { hasScheme } from '../util/url.js'
import { checkImage } from './image-check.js'

/** A local image that may be embedded (with its pixel size), or the reason it may not. */
export type ImageSource = { path: string; data: Buffer; width: number; height: number } | { problem: string }

/**
 * Resolve an image URL against the letter's folder: local PNG/JPEG files only, never the network, and never
 * outside the letter's folder or the `allowed` folders (a "../../etc/passwd" or a symlink out is not read).
 */
export function resolveImage(url: string, baseDir: string, allowed: string[] = []): ImageSource {
  if (hasScheme(url)) {
    return { problem: `image "${url.slice(0, 60)}" not loaded: only local PNG or JPEG files are, nothing is fetched` }
  }
  let decoded = url
  try {
    decoded = decodeURI(url)
  } catch {
    // A stray % stays as written.
  }
  const path = isAbsolute(decoded) ? decoded : resolve(baseDir, decoded)
  // The rule for every file a letter names: inside its folder or `allowed`, a regular file, within the size limit.
  const read = readFileSafely(path, { what: 'image', name: url, limit: READ_LIMITS.image, roots: [baseDir, ...allowed] })
  if ('problem' in read) return { problem: read.problem }
  const { data, real } = read
  const checked = checkImage(data, url)
  return 'problem' in checked ? checked : { path: real, data, width: checked.width, height: checked.height }
}
