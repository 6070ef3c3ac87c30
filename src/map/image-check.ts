import { inflateSync } from 'node:zlib'

/** The most pixels an embedded image may have: far more than a printed page shows (a 40-megapixel photo is 7700 × 5200). */
export const MAX_IMAGE_PIXELS = 40_000_000

/** The most bytes an image may decode to (width × height × channels × bytes per sample): 40 megapixels of 8-bit RGBA. */
export const MAX_IMAGE_BYTES = 160_000_000

/**
 * The most compressed image data a PNG may carry: the PNG reader (png-js, in react-pdf and pdfkit) copies it
 * into a plain array, 8 bytes a byte on the heap, and a letter's heap is bounded (17 MB already exceeds it).
 */
export const MAX_PNG_DATA_BYTES = 10_000_000

/** The longest PNG text chunk: the PNG reader passes its bytes as arguments to one call, which overflows the stack beyond some 200 KB. */
export const MAX_PNG_TEXT_BYTES = 65_536

/** An image's kind and pixel size once its header and data are checked, or why it may not be embedded. */
export type ImageCheck = { type: 'png' | 'jpg'; width: number; height: number } | { problem: string }

/** What a header says: enough to bound the image before any of it is decoded. */
interface Header {
  width: number
  height: number
  channels: number
  depth: number
}

/** A damaged file, with what is wrong with it (shown to the user). */
class Damaged extends Error {}

/** A file of a kind the PDF cannot hold, with why (shown to the user). */
class Unsupported extends Error {}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** PNG colour types: their channels and the bit depths each allows (PNG specification, table 11.1). */
const PNG_COLOUR_TYPES = new Map<number, { channels: number; depths: number[] }>([
  [0, { channels: 1, depths: [1, 2, 4, 8, 16] }],
  [2, { channels: 3, depths: [8, 16] }],
  [3, { channels: 1, depths: [1, 2, 4, 8] }],
  [4, { channels: 2, depths: [8, 16] }],
  [6, { channels: 4, depths: [8, 16] }],
])

/** The Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** The CRC-32 that a PNG chunk carries over its type and data. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/**
 * Check an image file's bytes before anything decodes them: a PNG or JPEG whose structure is whole, within
 * MAX_IMAGE_PIXELS and MAX_IMAGE_BYTES, or the problem (naming `url`) that keeps it out of the letter.
 */
export function checkImage(data: Buffer, url: string): ImageCheck {
  const type = data.subarray(0, 8).equals(PNG_SIGNATURE)
    ? 'png'
    : data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff
      ? 'jpg'
      : undefined
  if (!type) return { problem: `image "${url}" is not a PNG or JPEG file` }
  try {
    const png = type === 'png' ? readPngChunks(data) : undefined
    const header = png ? png.header : readJpeg(data)
    const limit = sizeProblem(header) ?? (png ? pngDataProblem(png.idat) : undefined)
    if (limit) return { problem: `image "${url}" ${limit}` }
    if (png) checkPngData(png.header, png.interlaced, png.idat)
    return { type, width: header.width, height: header.height }
  } catch (error) {
    if (error instanceof Damaged) return { problem: `image "${url}" is incomplete or corrupt (${error.message})` }
    if (error instanceof Unsupported) return { problem: `image "${url}" is ${error.message}` }
    throw error
  }
}

/** Why an image of this size is refused (too many pixels, or too many bytes once decoded), if it is. */
function sizeProblem({ width, height, channels, depth }: Header): string | undefined {
  const pixels = width * height
  if (pixels > MAX_IMAGE_PIXELS) {
    return `is ${width} × ${height} pixels (${megapixels(pixels)} megapixels); images up to ${MAX_IMAGE_PIXELS / 1e6} megapixels are embedded`
  }
  // Decoders unpack samples narrower than a byte into whole bytes.
  const bytes = pixels * channels * Math.ceil(depth / 8)
  if (bytes > MAX_IMAGE_BYTES) {
    return `would take ${Math.ceil(bytes / 1e6)} MB once decoded; images up to ${MAX_IMAGE_BYTES / 1e6} MB are embedded`
  }
  return undefined
}

/** Why a PNG's compressed image data is more than the PNG reader may hold, if it is. */
function pngDataProblem(idat: Buffer[]): string | undefined {
  const bytes = idat.reduce((sum, part) => sum + part.length, 0)
  if (bytes <= MAX_PNG_DATA_BYTES) return undefined
  return `has ${(bytes / 1e6).toFixed(1)} MB of compressed image data; PNGs with up to ${MAX_PNG_DATA_BYTES / 1e6} MB are embedded (a photo is smaller as a JPEG)`
}

/** Megapixels to one decimal, without a trailing ".0". */
const megapixels = (pixels: number) => String(Math.round(pixels / 1e5) / 10)

/** Walk a PNG's chunks (lengths, CRCs, order) and read its IHDR; the image data is returned still compressed. */
function readPngChunks(data: Buffer): { header: Header; interlaced: boolean; idat: Buffer[] } {
  let offset = 8
  let ihdr: ReturnType<typeof readIhdr> | undefined
  let palette = 0
  let idatEnded = false
  const idat: Buffer[] = []
  for (;;) {
    if (offset + 12 > data.length) throw new Damaged(`it ends at byte ${data.length}, before its IEND chunk`)
    const length = data.readUInt32BE(offset)
    const kind = data.toString('latin1', offset + 4, offset + 8)
    if (length > 0x7fffffff || offset + 12 + length > data.length)
      throw new Damaged(`its ${printable(kind)} chunk runs past the end of the file`)
    if (!/^[A-Za-z]{4}$/.test(kind)) throw new Damaged(`a chunk at byte ${offset} has no valid type`)
    if (crc32(data.subarray(offset + 4, offset + 8 + length)) !== data.readUInt32BE(offset + 8 + length))
      throw new Damaged(`its ${kind} chunk fails its checksum`)
    const body = data.subarray(offset + 8, offset + 8 + length)
    if (!ihdr && kind !== 'IHDR') throw new Damaged('it does not start with an IHDR chunk')
    if (kind === 'IHDR') {
      if (ihdr) throw new Damaged('it has two IHDR chunks')
      ihdr = readIhdr(body)
    } else if (kind === 'PLTE') {
      if (length === 0 || length % 3 !== 0 || length > 768) throw new Damaged('its palette has a length that is not 1 to 256 colours')
      palette = length / 3
    } else if (kind === 'tRNS') {
      checkTransparency(ihdr!.colourType, length, palette)
    } else if (kind === 'tEXt') {
      if (length > MAX_PNG_TEXT_BYTES)
        throw new Unsupported(
          `a PNG with a text chunk of ${Math.ceil(length / 1024)} KB; PNGs with text chunks up to ${MAX_PNG_TEXT_BYTES / 1024} KB are embedded`,
        )
    } else if (kind === 'IDAT') {
      if (idatEnded) throw new Damaged('its IDAT chunks are not consecutive')
      idat.push(body)
    } else if (kind === 'IEND') {
      break
    } else if (kind[0]! >= 'A' && kind[0]! <= 'Z') {
      // An unknown critical chunk changes how the image is read (PNG specification, 5.4).
      throw new Unsupported(`a PNG with an unknown critical chunk ${kind}, which cannot be embedded`)
    }
    if (idat.length && kind !== 'IDAT') idatEnded = true
    offset += 12 + length
  }
  if (!idat.length) throw new Damaged('it has no image data')
  if (ihdr!.colourType === 3 && !palette) throw new Damaged('its colours refer to a palette it lacks')
  return { header: ihdr!.header, interlaced: ihdr!.interlaced, idat }
}

/** Check a tRNS chunk's length: one grey level, one RGB colour, or at most an alpha per palette entry (PNG specification, 11.3.2.1). */
function checkTransparency(colourType: number, length: number, paletteEntries: number): void {
  const fits = colourType === 0 ? length === 2 : colourType === 2 ? length === 6 : colourType === 3 ? length <= paletteEntries : true
  if (!fits) throw new Damaged('its tRNS chunk has the wrong length')
}

/** Read and check IHDR: size, bit depth for the colour type, and methods the PNG specification defines. */
function readIhdr(body: Buffer): { header: Header; interlaced: boolean; colourType: number } {
  if (body.length !== 13) throw new Damaged('its IHDR chunk is not 13 bytes')
  const width = body.readUInt32BE(0)
  const height = body.readUInt32BE(4)
  const [depth, colourType, compression, filter, interlace] = [body[8]!, body[9]!, body[10]!, body[11]!, body[12]!]
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff)
    throw new Damaged(`its size ${width} × ${height} is not valid`)
  const colour = PNG_COLOUR_TYPES.get(colourType)
  if (!colour) throw new Damaged(`colour type ${colourType} is not defined`)
  if (!colour.depths.includes(depth)) throw new Damaged(`bit depth ${depth} is not allowed for colour type ${colourType}`)
  if (compression !== 0) throw new Damaged(`compression method ${compression} is not defined`)
  if (filter !== 0) throw new Damaged(`filter method ${filter} is not defined`)
  if (interlace > 1) throw new Damaged(`interlace method ${interlace} is not defined`)
  return { header: { width, height, channels: colour.channels, depth }, interlaced: interlace === 1, colourType }
}

/** The rows of each pass and their length in bytes (without the filter byte): one pass, or Adam7's seven. */
function passes({ width, height, channels, depth }: Header, interlaced: boolean): { rows: number; bytes: number }[] {
  const rowBytes = (columns: number) => Math.ceil((columns * channels * depth) / 8)
  if (!interlaced) return [{ rows: height, bytes: rowBytes(width) }]
  return ADAM7.map(([x0, y0, dx, dy]) => {
    const columns = Math.max(0, Math.ceil((width - x0) / dx))
    const rows = Math.max(0, Math.ceil((height - y0) / dy))
    return { rows: columns ? rows : 0, bytes: rowBytes(columns) }
  }).filter((pass) => pass.rows > 0)
}

/** Inflate the image data to exactly its expected size (never more) and check every scanline's filter type. */
function checkPngData(header: Header, interlaced: boolean, idat: Buffer[]): void {
  const layout = passes(header, interlaced)
  const expected = layout.reduce((sum, pass) => sum + pass.rows * (1 + pass.bytes), 0)
  let raw: Buffer
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected })
  } catch (error) {
    const tooLong = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
    throw new Damaged(tooLong ? 'its image data is longer than its size says' : 'its image data does not decompress')
  }
  if (raw.length < expected) throw new Damaged('its image data is shorter than its size says')
  let at = 0
  let row = 0
  for (const pass of layout) {
    for (let r = 0; r < pass.rows; r++, row++) {
      if (raw[at]! > 4) throw new Damaged(`scanline ${row + 1} has filter type ${raw[at]}, not 0 to 4`)
      at += 1 + pass.bytes
    }
  }
}

/** SOF markers of the kinds a PDF's DCT filter shows: baseline, extended sequential and progressive, Huffman-coded. */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2])

/** SOF markers of kinds a PDF cannot show: lossless, arithmetic-coded, and the reserved 0xFFC8. */
const JPEG_OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/** Bytes per component of each EXIF (TIFF) entry format, 1 to 12. */
const EXIF_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8]

/** EXIF tags whose value is the offset of a further directory that is read too: the Exif and GPS directories. */
const EXIF_POINTERS = new Set([0x8769, 0x8825])

/** Walk a JPEG's markers from SOI to EOI: every segment within its length, one frame header, scans after it. */
function readJpeg(data: Buffer): Header {
  let pos = 2
  let frame: Header | undefined
  let scans = 0
  for (;;) {
    if (pos + 2 > data.length) throw new Damaged(`it ends at byte ${data.length}, before its end marker`)
    const marker = data[pos + 1]!
    if (data[pos] !== 0xff || marker < 0xc0 || marker === 0xff) throw new Damaged(`no marker where one belongs, at byte ${pos}`)
    if (marker === 0xd9) break
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) throw new Damaged(`marker 0xFF${hex(marker)} is out of place at byte ${pos}`)
    if (pos + 4 > data.length) throw new Damaged(`it ends at byte ${data.length}, inside a segment`)
    const length = data.readUInt16BE(pos + 2)
    if (length < 2 || pos + 2 + length > data.length) throw new Damaged(`the segment at byte ${pos} runs past the end of the file`)
    const body = data.subarray(pos + 4, pos + 2 + length)
    const bad = () => new Damaged(`the 0xFF${hex(marker)} segment at byte ${pos} has the wrong length`)
    if (JPEG_FRAMES.has(marker)) {
      if (frame) throw new Damaged('it has two frame headers')
      frame = readFrame(body, bad)
    } else if (JPEG_OTHER_FRAMES.has(marker) || marker === 0xcc) {
      throw new Unsupported('a lossless or arithmetic-coded JPEG, which a PDF cannot show')
    } else if (marker === 0xda) {
      if (!frame) throw new Damaged('its image data comes before its frame header')
      const components = body[0] ?? 0
      if (components < 1 || components > 4 || body.length !== 4 + 2 * components) throw bad()
      pos = skipEntropyData(data, pos + 2 + length)
      scans++
      continue
    } else if (marker === 0xdb) {
      // Only 8-bit samples are embedded, so every table has 8-bit entries: 65 bytes (ITU T.81, B.2.4.1).
      checkTables(body, (at) => (body[at]! >> 4 ? Infinity : 65), bad)
    } else if (marker === 0xc4) {
      checkTables(body, (at) => 17 + body.subarray(at + 1, at + 17).reduce((sum, n) => sum + n, 0), bad)
    } else if (marker === 0xdd) {
      if (body.length !== 2) throw bad()
    } else if (marker === 0xe0) {
      checkApp0(body, bad)
    } else if (marker === 0xe1) {
      checkExif(body, data.length - (pos + 10), bad)
    }
    pos += 2 + length
  }
  if (!frame) throw new Damaged('it has no frame header with its size')
  if (!scans) throw new Damaged('it has no image data')
  return frame
}

/** Read a frame header: 8-bit samples, a height and width, and 1 (grey), 3 (colour) or 4 (CMYK) components. */
function readFrame(body: Buffer, bad: () => Damaged): Header {
  const components = body[5] ?? 0
  if (body.length < 6 || body.length !== 6 + 3 * components) throw bad()
  const [precision, height, width] = [body[0]!, body.readUInt16BE(1), body.readUInt16BE(3)]
  if (precision !== 8) throw new Unsupported(`a JPEG with ${precision}-bit samples; 8-bit ones are embedded`)
  if (!width || !height) throw new Damaged(`its frame header gives the size ${width} × ${height}`)
  if (![1, 3, 4].includes(components)) throw new Damaged(`it has ${components} colour components, not 1, 3 or 4`)
  return { width, height, channels: components, depth: 8 }
}

/**
 * Check an APP0 segment. The JPEG reader (react-pdf's) reads 14 bytes of every APP0, the JFIF header without
 * a thumbnail, and goes wrong on any other length, so a thumbnail is refused as unsupported and a wrong length as damage.
 */
function checkApp0(body: Buffer, bad: () => Damaged): void {
  if (body.length === 14) return
  const id = body.toString('latin1', 0, 5)
  const thumbnail = (id === 'JFIF\0' && body.length === 14 + 3 * (body[12] ?? 0) * (body[13] ?? 0)) || id === 'JFXX\0'
  if (thumbnail) throw new Unsupported('a JPEG with a JFIF thumbnail, which cannot be embedded (save it without one)')
  throw bad()
}

/**
 * Check an APP1 segment's TIFF directories as the JPEG reader reads them (it takes every APP1 for EXIF):
 * directories and entries inside the segment, known formats, so no count sends it beyond the data.
 * `rest` is the file's length from the TIFF header on: a first directory past it is skipped by the reader.
 */
function checkExif(body: Buffer, rest: number, bad: () => Damaged): void {
  if (body.length < 14) throw bad()
  const tiff = body.subarray(6)
  const big = tiff.toString('latin1', 0, 2) === 'MM'
  const u16 = (at: number) => (big ? tiff.readUInt16BE(at) : tiff.readUInt16LE(at))
  const u32 = (at: number) => (big ? tiff.readUInt32BE(at) : tiff.readUInt32LE(at))
  const outside = () => new Damaged('its EXIF data points outside its segment')
  const directory = (offset: number, top: boolean): number[] => {
    if (offset + 2 > tiff.length) throw outside()
    const count = u16(offset)
    if (offset + 2 + 12 * count > tiff.length) throw outside()
    const further: number[] = []
    for (let at = offset + 2; at < offset + 2 + 12 * count; at += 12) {
      const [tag, format, components] = [u16(at), u16(at + 2), u32(at + 4)]
      const size = EXIF_SIZES[format]
      if (!size) throw new Damaged(`an EXIF entry has the unknown format ${format}`)
      if (components * size > 4 && u32(at + 8) + components * size > tiff.length) throw outside()
      if (top && EXIF_POINTERS.has(tag)) {
        if (format !== 4 || components !== 1) throw new Damaged('an EXIF directory pointer is not a single offset')
        if (u32(at + 8)) further.push(u32(at + 8))
      }
    }
    return further
  }
  const first = u32(4)
  if (first > rest) return
  for (const offset of directory(first, true)) directory(offset, false)
}

/** Check that a segment's tables, each `size(at)` bytes long, fill it exactly. */
function checkTables(body: Buffer, size: (at: number) => number, bad: () => Damaged): void {
  let at = 0
  while (at < body.length) at += size(at)
  if (at !== body.length || body.length === 0) throw bad()
}

/** The offset of the marker after a scan's entropy-coded data (0xFF is followed by 0x00 or a restart marker inside it). */
function skipEntropyData(data: Buffer, from: number): number {
  let at = data.indexOf(0xff, from)
  while (at !== -1 && at + 1 < data.length) {
    const next = data[at + 1]!
    if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) return at
    at = data.indexOf(0xff, at + 2)
  }
  throw new Damaged(`it ends at byte ${data.length}, inside its image data`)
}

/** A byte as two hex digits. */
const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0')

/** A chunk type as shown in a message: its letters, or "unnamed" for bytes that are not. */
const printable = (kind: string) => (/^[A-Za-z]{4}$/.test(kind) ? kind : 'unnamed')
