import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { imageSize } from 'image-size'

/** A local image that may be embedded (with its pixel size), or the reason it may not. */
export type ImageSource = { path: string; width: number; height: number } | { problem: string }

/** Resolve an image URL against the letter's folder: local PNG/JPEG files only, never the network. */
export function resolveImage(url: string, baseDir: string): ImageSource {
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
  let data: Buffer
  try {
    if (!statSync(path).isFile()) return { problem: `image "${url}" is not a file` }
    data = readFileSync(path)
  } catch {
    return { problem: `image "${url}" not found` }
  }
  try {
    const { type, width, height } = imageSize(data)
    if ((type === 'png' || type === 'jpg') && width && height) return { path, width, height }
  } catch {
    // Unreadable header: reported below like any other non-image.
  }
  return { problem: `image "${url}" is not a PNG or JPEG file` }
}
