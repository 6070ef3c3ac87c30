// Image files made byte by byte for the image checks: whole ones, and ones damaged in one known place.
import * as mupdf from 'mupdf'
import { PNG } from 'pngjs'
import { randomFillSync } from 'node:crypto'
import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Uint8Array) => (bytes.reduce((c, b) => CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A PNG chunk: length, type, data and CRC (a wrong CRC when `crc` is given). */
export function chunk(type: string, data: Buffer, crc?: number): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const head = Buffer.alloc(4)
  head.writeUInt32BE(data.length)
  const tail = Buffer.alloc(4)
  tail.writeUInt32BE(crc ?? crc32(body))
  return Buffer.concat([head, body, tail])
}

/** An IHDR chunk's 13 bytes. */
export function ihdr(width: number, height: number, depth = 8, colour = 2, interlace = 0, compression = 0, filter = 0): Buffer {
  const data = Buffer.alloc(13)
  data.writeUInt32BE(width, 0)
  data.writeUInt32BE(height, 4)
  data.set([depth, colour, compression, filter, interlace], 8)
  return chunk('IHDR', data)
}

/** A PNG file of the given chunks (signature first, IEND last unless `end` is false). */
export const pngOf = (chunks: Buffer[], end = true): Buffer =>
  Buffer.concat([PNG_SIGNATURE, ...chunks, ...(end ? [chunk('IEND', Buffer.alloc(0))] : [])])

/** Scanlines of `rows` rows of `bytes` bytes each, every row with filter type 0 except those in `badRows` (filter type 5). */
export function scanlines(rows: number, bytes: number, badRows: number[] = []): Buffer {
  return Buffer.concat(
    Array.from({ length: rows }, (_, r) => Buffer.concat([Buffer.from([badRows.includes(r) ? 5 : 0]), Buffer.alloc(bytes, 0x80)])),
  )
}

/** An 8-bit PNG of `channels` channels (1 grey, 3 RGB, 4 RGBA) whose scanline `badRows` have filter type 5. */
export function pngWithRows(width: number, height: number, channels: 1 | 3 | 4, badRows: number[] = []): Buffer {
  const colour = { 1: 0, 3: 2, 4: 6 }[channels]
  return pngOf([ihdr(width, height, 8, colour), chunk('IDAT', deflateSync(scanlines(height, width * channels, badRows)))])
}

/** An 8-bit RGB PNG of random pixels, stored without compression: `height` × (1 + 3 × `width`) bytes of image data. */
export function noisePng(width: number, height: number): Buffer {
  const raw = randomFillSync(Buffer.alloc(height * (1 + 3 * width)))
  for (let row = 0; row < height; row++) raw[row * (1 + 3 * width)] = 0
  return pngOf([ihdr(width, height), chunk('IDAT', deflateSync(raw, { level: 0 }))])
}

/** The Adam7 passes' sizes for an image: columns and rows of each non-empty pass. */
export function adam7(width: number, height: number): { columns: number; rows: number }[] {
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const
  return passes
    .map(([x0, y0, dx, dy]) => ({ columns: Math.max(0, Math.ceil((width - x0) / dx)), rows: Math.max(0, Math.ceil((height - y0) / dy)) }))
    .filter((p) => p.columns > 0 && p.rows > 0)
}

/** An interlaced 8-bit RGB PNG whose first scanline of pass `badPass` (0-based, of the non-empty passes) has filter type 5. */
export function interlacedPng(width: number, height: number, badPass?: number): Buffer {
  const data = adam7(width, height).map((p, i) => scanlines(p.rows, p.columns * 3, i === badPass ? [0] : []))
  return pngOf([ihdr(width, height, 8, 2, 1), chunk('IDAT', deflateSync(Buffer.concat(data)))])
}

/** A PNG whose header says `width` × `height` but whose image data is a few bytes: a bomb refused by its header alone. */
export const pngBomb = (width = 20000, height = 20000, depth = 8, colour = 2): Buffer =>
  pngOf([ihdr(width, height, depth, colour), chunk('IDAT', deflateSync(Buffer.alloc(64)))])

/** A real PNG written by pngjs (colour type 6, 8-bit RGBA). */
export function realPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([(i / 4) % 256, 80, 160, 255], i)
  return PNG.sync.write(png)
}

/** A real baseline JPEG written by MuPDF, in RGB or grey. */
export function realJpeg(width: number, height: number, grey = false): Buffer {
  const pixmap = new mupdf.Pixmap(grey ? mupdf.ColorSpace.DeviceGray : mupdf.ColorSpace.DeviceRGB, [0, 0, width, height], false)
  pixmap.clear(180)
  return Buffer.from(pixmap.asJPEG(80))
}

/** A JPEG segment: marker and data with its length. */
export function segment(marker: number, data: number[] | Buffer): Buffer {
  const body = Buffer.from(data)
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

/** A JPEG's frame header (SOF0 unless `marker` says otherwise) for `components` components. */
export const sof = (width: number, height: number, components = 3, precision = 8, marker = 0xc0): Buffer =>
  segment(marker, [
    precision,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    components,
    ...Array.from({ length: components }, (_, i) => [i + 1, 0x11, 0]).flat(),
  ])

/** A scan of three components and a few bytes of entropy-coded data (with a stuffed 0xFF 0x00). */
export const scan = (): Buffer =>
  Buffer.concat([segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 0x3f, 0]), Buffer.from([0x12, 0xff, 0x00, 0x34])])

/** A JFIF APP0 segment; `extra` bytes after it make its length disagree with its (empty) thumbnail. */
export const jfif = (version = 0x0101, extra: number[] = []): Buffer =>
  segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), version >> 8, version & 0xff, 0, 0, 1, 0, 1, 0, 0, ...extra])

/** A JPEG of the given segments between SOI and EOI. */
export const jpegOf = (...segments: Buffer[]): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments, Buffer.from([0xff, 0xd9])])

/** An EXIF APP1 segment (big-endian TIFF) with one directory of `entries` [tag, format, count, value]; `count` of the directory may be overstated. */
export function exif(entries: [number, number, number, number][], count = entries.length): Buffer {
  const directory = Buffer.alloc(2 + 12 * entries.length + 4)
  directory.writeUInt16BE(count, 0)
  entries.forEach(([tag, format, components, value], i) => {
    directory.writeUInt16BE(tag, 2 + 12 * i)
    directory.writeUInt16BE(format, 4 + 12 * i)
    directory.writeUInt32BE(components, 6 + 12 * i)
    directory.writeUInt32BE(value, 10 + 12 * i)
  })
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08', 'latin1'), directory]))
}
