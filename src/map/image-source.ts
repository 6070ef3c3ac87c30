import { isAbsolute, resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import { imageSize } from 'image-size'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'

/** A local image that may be embedded (with its pixel size), or the reason it may not. */
export type ImageSource = { path: string; width: number; height: number } | { problem: string }


/** Whether a PNG's chunks are whole and its image data inflates, or a JPEG runs from its start to its end marker. */
function isWhole(data: Buffer, type: string): boolean {
  if (type === 'jpg') return data[data.length - 2] === 0xff && data[data.length - 1] === 0xd9
  let offset = 8
  const idat: Buffer[] = []
  while (offset + 8 <= data.length) {
    const length = data.readUInt32BE(offset)
    const kind = data.toString('latin1', offset + 4, offset + 8)
    if (offset + 12 + length > data.length) return false
    if (kind === 'IDAT') idat.push(data.subarray(offset + 8, offset + 8 + length))
    if (kind === 'IEND') break
    offset += 12 + length
  }
  try {
    return idat.length > 0 && inflateSync(Buffer.concat(idat)).length > 0
  } catch {
    return false
  }
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
  // The rule for every file a letter names: inside its folder or `allowed`, a regular file, within the size limit.
  const read = readFileSafely(path, { what: 'image', name: url, limit: READ_LIMITS.image, roots: [baseDir, ...allowed] })
  if ('problem' in read) return { problem: read.problem }
  const { data, real } = read
  try {
    const { type, width, height } = imageSize(data)
    if ((type === 'png' || type === 'jpg') && width && height) {
      if (!isWhole(data, type)) return { problem: `image "${url}" is incomplete or corrupt` }
      return { path: real, width, height }
    }
  } catch {
    // Unreadable header: reported below like any other non-image.
  }
  return { problem: `image "${url}" is not a PNG or JPEG file` }
}
