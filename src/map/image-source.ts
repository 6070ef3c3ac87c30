import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'

/** A local image that may be embedded, or the reason it may not. */
export type ImageSource = { path: string } | { problem: string }

const MAGIC: [string, number[]][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG', [0xff, 0xd8, 0xff]],
]

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
  let head: Buffer
  try {
    if (!statSync(path).isFile()) return { problem: `image "${url}" is not a file` }
    const fd = openSync(path, 'r')
    head = Buffer.alloc(8)
    readSync(fd, head, 0, 8, 0)
    closeSync(fd)
  } catch {
    return { problem: `image "${url}" not found` }
  }
  const kind = MAGIC.find(([, bytes]) => bytes.every((b, i) => head[i] === b))
  return kind ? { path } : { problem: `image "${url}" is not a PNG or JPEG file` }
}
