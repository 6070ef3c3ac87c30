import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import type { Root, RootContent, Text } from 'mdast'
import { createMapper, type State } from '../../src/map/index.js'
import { classic } from '../../src/theme/classic.js'

export { classic }

/** A node's place in the letter, from `line:column` (one column wide). */
export type Position = NonNullable<Text['position']>
export const at = (line: number, column = 1): Position => ({
  start: { line, column, offset: 0 },
  end: { line, column: column + 1, offset: 1 },
})

/** A root holding `children`, and the mapper state made for it with the classic theme. */
export function mapper(children: RootContent[], baseDir = tmpdir()): { tree: Root; state: State } {
  const tree: Root = { type: 'root', children }
  return { tree, state: createMapper(tree, classic, baseDir) }
}

/** A text node. */
export const t = (value: string): Text => ({ type: 'text', value })

/** A valid 1×1 PNG. */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A valid white greyscale PNG of the given pixel size. */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0xff)])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array<Buffer>(height).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The markers of a baseline JPEG of the given pixel size: frame header, one scan, end (enough for its structure to be checked). */
export const jpeg = (width: number, height: number): Buffer =>
  Buffer.from([
    ...[0xff, 0xd8],
    ...[0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00],
    ...[0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff],
    ...[0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01],
    ...[0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00, 0x12, 0x34, 0xff, 0x00],
    ...[0xff, 0xd9],
  ])

/** A temporary folder with the given files (name → bytes); `cleanup` removes it. */
export function tempDir(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'letterpress-map-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
