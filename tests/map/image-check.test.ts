import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { deflateSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { checkImage, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_PNG_DATA_BYTES, MAX_PNG_TEXT_BYTES } from '../../src/map/image-check.js'
import {
  chunk,
  exif,
  ihdr,
  interlacedPng,
  noisePng,
  jfif,
  jpegOf,
  pngBomb,
  pngOf,
  pngWithRows,
  realJpeg,
  realPng,
  scan,
  scanlines,
  segment,
  sof,
} from '../helpers/images.js'

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/kitchen-sink', name))
const problem = (data: Buffer) => {
  const result = checkImage(data, 'x')
  return 'problem' in result ? result.problem : undefined
}

describe('checkImage: whole images', () => {
  test.each([
    ['the chart fixture', () => fixture('chart.png'), 'png', 240, 80],
    ['the signature fixture', () => fixture('signature.png'), 'png', 200, 60],
    ['an RGBA PNG written by pngjs', () => realPng(33, 17), 'png', 33, 17],
    ['a grey PNG', () => pngWithRows(9, 4, 1), 'png', 9, 4],
    ['an interlaced PNG', () => interlacedPng(13, 11), 'png', 13, 11],
    ['an interlaced PNG smaller than the first pass', () => interlacedPng(3, 2), 'png', 3, 2],
    ['a JPEG written by MuPDF', () => realJpeg(40, 30), 'jpg', 40, 30],
    ['a grey JPEG written by MuPDF', () => realJpeg(7, 5, true), 'jpg', 7, 5],
    ['a JPEG of markers only', () => jpegOf(jfif(), sof(30, 20), scan()), 'jpg', 30, 20],
    [
      'a JPEG with EXIF orientation and an Exif directory',
      () =>
        jpegOf(
          exif([
            [0x0112, 3, 1, 0x00060000],
            [0x8769, 4, 1, 8],
          ]),
          sof(30, 20),
          scan(),
        ),
      'jpg',
      30,
      20,
    ],
  ])('%s passes with its type and size', (_what, make, type, width, height) => {
    expect(checkImage(make(), 'x')).toEqual({ type, width, height })
  })

  test('16-bit PNGs, and palette PNGs with a palette (and a transparency entry), pass', () => {
    const grey16 = pngOf([ihdr(4, 3, 16, 0), chunk('IDAT', deflateSync(scanlines(3, 8)))])
    expect(checkImage(grey16, 'x')).toEqual({ type: 'png', width: 4, height: 3 })
    const palette = pngOf([
      ihdr(8, 2, 1, 3),
      chunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255])),
      chunk('IDAT', deflateSync(scanlines(2, 1))),
    ])
    expect(checkImage(palette, 'x')).toEqual({ type: 'png', width: 8, height: 2 })
    const transparent = pngOf([
      ihdr(8, 2, 1, 3),
      chunk('PLTE', Buffer.alloc(6)),
      chunk('tRNS', Buffer.from([0])),
      chunk('IDAT', deflateSync(scanlines(2, 1))),
    ])
    expect(checkImage(transparent, 'x')).toEqual({ type: 'png', width: 8, height: 2 })
  })
})

describe('checkImage: limits, from the header before any decoding', () => {
  test('a 20000 × 20000 PNG is refused by its pixel count (its image data is never inflated)', () => {
    expect(problem(pngBomb())).toBe(
      `image "x" is 20000 × 20000 pixels (400 megapixels); images up to ${MAX_IMAGE_PIXELS / 1e6} megapixels are embedded`,
    )
  })

  test('a JPEG of 65535 × 65535 is refused by its pixel count', () => {
    expect(problem(jpegOf(sof(65535, 65535), scan()))).toContain('is 65535 × 65535 pixels (4294.8 megapixels)')
  })

  test('an image within the pixel limit but decoding to more than the byte limit is refused', () => {
    // 6000 × 6000 is 36 megapixels; at 16-bit RGBA that is 8 bytes a pixel, 288 MB.
    expect(problem(pngBomb(6000, 6000, 16, 6))).toBe(
      `image "x" would take 288 MB once decoded; images up to ${MAX_IMAGE_BYTES / 1e6} MB are embedded`,
    )
    // The same size at 8-bit RGBA is 144 MB: within the limit, so its (short) data is checked next.
    expect(problem(pngBomb(6000, 6000, 8, 6))).toContain('is incomplete or corrupt (its image data is shorter than its size says)')
  })
})

describe('checkImage: what the PNG reader can hold', () => {
  test('more compressed image data than the limit is refused; as much as the limit passes', () => {
    // 1900 × 1900 RGB is 10.8 MB of image data, stored; 1800 × 1800 is 9.7 MB.
    expect(problem(noisePng(1900, 1900))).toBe(
      `image "x" has 10.8 MB of compressed image data; PNGs with up to ${MAX_PNG_DATA_BYTES / 1e6} MB are embedded (a photo is smaller as a JPEG)`,
    )
    expect(problem(noisePng(1800, 1800))).toBeUndefined()
  })

  test('a text chunk beyond the limit is refused; one at the limit passes', () => {
    const withText = (bytes: number) =>
      pngOf([
        ihdr(2, 2),
        chunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(bytes - 8, 0x41)])),
        chunk('IDAT', deflateSync(scanlines(2, 6))),
      ])
    expect(problem(withText(500_000))).toBe(
      `image "x" is a PNG with a text chunk of 489 KB; PNGs with text chunks up to ${MAX_PNG_TEXT_BYTES / 1024} KB are embedded`,
    )
    expect(problem(withText(MAX_PNG_TEXT_BYTES))).toBeUndefined()
  })
})

describe('checkImage: PNG structure', () => {
  const idat = chunk('IDAT', deflateSync(scanlines(2, 6)))
  test.each([
    ['a bad filter type', pngWithRows(16, 16, 4, [2]), 'scanline 3 has filter type 5, not 0 to 4'],
    ['a bad filter type in an RGB PNG', pngWithRows(16, 16, 3, [15]), 'scanline 16 has filter type 5'],
    ['a bad filter type in an interlaced pass', interlacedPng(16, 16, 3), 'has filter type 5'],
    ['a cut-off file', pngWithRows(16, 16, 3).subarray(0, 60), 'runs past the end of the file'],
    ['no IEND', pngOf([ihdr(2, 2), idat], false), 'before its IEND chunk'],
    ['a wrong checksum', pngOf([ihdr(2, 2), chunk('IDAT', deflateSync(scanlines(2, 6)), 1234)]), 'its IDAT chunk fails its checksum'],
    ['no IHDR first', pngOf([idat, ihdr(2, 2)]), 'does not start with an IHDR chunk'],
    ['no image data', pngOf([ihdr(2, 2)]), 'it has no image data'],
    ['IDAT chunks apart', pngOf([ihdr(2, 2), idat, chunk('tEXt', Buffer.from('a\0b')), idat]), 'not consecutive'],
    ['image data that is not zlib', pngOf([ihdr(2, 2), chunk('IDAT', Buffer.from('not deflated'))]), 'does not decompress'],
    ['image data longer than the size', pngOf([ihdr(2, 2), chunk('IDAT', deflateSync(scanlines(3, 6)))]), 'longer than its size says'],
    ['image data shorter than the size', pngOf([ihdr(2, 2), chunk('IDAT', deflateSync(scanlines(1, 6)))]), 'shorter than its size says'],
    ['bit depth 4 for RGB', pngOf([ihdr(2, 2, 4, 2), idat]), 'bit depth 4 is not allowed for colour type 2'],
    ['colour type 5', pngOf([ihdr(2, 2, 8, 5), idat]), 'colour type 5 is not defined'],
    ['compression method 1', pngOf([ihdr(2, 2, 8, 2, 0, 1), idat]), 'compression method 1 is not defined'],
    ['filter method 1', pngOf([ihdr(2, 2, 8, 2, 0, 0, 1), idat]), 'filter method 1 is not defined'],
    ['interlace method 2', pngOf([ihdr(2, 2, 8, 2, 2), idat]), 'interlace method 2 is not defined'],
    ['a zero width', pngOf([ihdr(0, 2), idat]), 'its size 0 × 2 is not valid'],
    [
      'a tRNS of the wrong length for RGB',
      pngOf([ihdr(2, 2), chunk('tRNS', Buffer.alloc(2)), chunk('IDAT', deflateSync(scanlines(2, 6)))]),
      'its tRNS chunk has the wrong length',
    ],
    [
      'a tRNS with more entries than the palette',
      pngOf([
        ihdr(8, 2, 1, 3),
        chunk('PLTE', Buffer.alloc(6)),
        chunk('tRNS', Buffer.alloc(3)),
        chunk('IDAT', deflateSync(scanlines(2, 1))),
      ]),
      'its tRNS chunk has the wrong length',
    ],
    [
      'a palette image without a palette',
      pngOf([ihdr(8, 2, 1, 3), chunk('IDAT', deflateSync(scanlines(2, 1)))]),
      'refer to a palette it lacks',
    ],
  ])('%s: incomplete or corrupt, saying why', (_what, data, why) => {
    const message = problem(data)
    expect(message).toMatch(/^image "x" is incomplete or corrupt \(/)
    expect(message).toContain(why)
  })

  test('an unknown critical chunk is refused; an unknown ancillary chunk is skipped', () => {
    expect(problem(pngOf([ihdr(2, 2), chunk('ZZZZ', Buffer.alloc(1)), chunk('IDAT', deflateSync(scanlines(2, 6)))]))).toContain(
      'unknown critical chunk ZZZZ',
    )
    expect(problem(pngOf([ihdr(2, 2), chunk('zzZz', Buffer.alloc(1)), chunk('IDAT', deflateSync(scanlines(2, 6)))]))).toBeUndefined()
  })
})

describe('checkImage: JPEG structure', () => {
  // MuPDF writes a progressive JPEG: several scans, with Huffman tables between them.
  const whole = realJpeg(40, 30)
  test.each([
    [
      'a JFIF APP0 whose length disagrees with its thumbnail (bytes 0xDEAD after it)',
      jpegOf(jfif(0x0101, [0xde, 0xad]), sof(30, 20), scan()),
      'the 0xFFE0 segment at byte 2 has the wrong length',
    ],
    [
      'garbage where a marker belongs',
      jpegOf(jfif(), Buffer.from([0xde, 0xad]), sof(30, 20), scan()),
      'no marker where one belongs, at byte 20',
    ],
    ['a file cut off in its first scan', whole.subarray(0, whole.indexOf(Buffer.from([0xff, 0xda])) + 16), 'inside its image data'],
    ['a file cut off inside a segment', whole.subarray(0, 30), 'runs past the end of the file'],
    ['no end marker', whole.subarray(0, whole.length - 2), 'inside its image data'],
    ['no frame header', jpegOf(jfif(), segment(0xdb, [0, ...Array<number>(64).fill(1)])), 'it has no frame header with its size'],
    ['a scan before the frame header', jpegOf(scan(), sof(30, 20)), 'image data comes before its frame header'],
    ['no scan', jpegOf(sof(30, 20)), 'it has no image data'],
    [
      'a frame header of the wrong length',
      jpegOf(Buffer.concat([sof(30, 20).subarray(0, 3), Buffer.from([0x12]), sof(30, 20).subarray(4)]), scan()),
      'has the wrong length',
    ],
    ['a frame of zero height', jpegOf(sof(30, 0), scan()), 'gives the size 30 × 0'],
    ['two components', jpegOf(sof(30, 20, 2), scan()), '2 colour components'],
    ['a quantization table cut short', jpegOf(segment(0xdb, [0, 1, 2, 3]), sof(30, 20), scan()), 'the 0xFFDB segment'],
    [
      'a 16-bit quantization table',
      jpegOf(segment(0xdb, [0x10, ...Array<number>(128).fill(1)]), sof(30, 20), scan()),
      'the 0xFFDB segment',
    ],
    [
      'a Huffman table cut short',
      jpegOf(segment(0xc4, [0, 5, ...Array<number>(15).fill(0), 1]), sof(30, 20), scan()),
      'the 0xFFC4 segment',
    ],
    [
      'EXIF claiming 65535 entries',
      jpegOf(exif([[0x0112, 3, 1, 0x00010000]], 0xffff), sof(30, 20), scan()),
      'its EXIF data points outside its segment',
    ],
    [
      'an EXIF entry of an unknown format',
      jpegOf(exif([[0x010f, 99, 0x7fffffff, 0]]), sof(30, 20), scan()),
      'an EXIF entry has the unknown format 99',
    ],
    [
      'an EXIF entry whose data lies past the segment',
      jpegOf(exif([[0x010f, 2, 4000, 8]]), sof(30, 20), scan()),
      'its EXIF data points outside its segment',
    ],
    [
      'an Exif directory pointer past the segment',
      jpegOf(exif([[0x8769, 4, 1, 5000]]), sof(30, 20), scan()),
      'its EXIF data points outside its segment',
    ],
    [
      'an APP0 shorter than a JFIF header',
      jpegOf(segment(0xe0, [...Buffer.from('JFIF\0')]), sof(30, 20), scan()),
      'the 0xFFE0 segment at byte 2 has the wrong length',
    ],
    ['a second start marker', jpegOf(Buffer.from([0xff, 0xd8]), sof(30, 20), scan()), 'marker 0xFFD8 is out of place'],
  ])('%s: incomplete or corrupt, saying why', (_what, data, why) => {
    const message = problem(data)
    expect(message).toMatch(/^image "x" is incomplete or corrupt \(/)
    expect(message).toContain(why)
  })

  test('a JFIF thumbnail is refused as unsupported (the JPEG reader cannot skip it)', () => {
    expect(problem(jpegOf(segment(0xe0, [...Buffer.from('JFIF\0'), 1, 2, 0, 0, 1, 0, 1, 1, 1, 9, 9, 9]), sof(30, 20), scan()))).toBe(
      'image "x" is a JPEG with a JFIF thumbnail, which cannot be embedded (save it without one)',
    )
  })

  test('12-bit, lossless and arithmetic-coded JPEGs are refused as kinds a PDF does not show', () => {
    expect(problem(jpegOf(sof(30, 20, 3, 12), scan()))).toBe('image "x" is a JPEG with 12-bit samples; 8-bit ones are embedded')
    expect(problem(jpegOf(sof(30, 20, 3, 8, 0xc9), scan()))).toBe(
      'image "x" is a lossless or arithmetic-coded JPEG, which a PDF cannot show',
    )
  })
})

describe('checkImage: other files', () => {
  test.each([
    ['text', Buffer.from('not really a PNG\n')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['an empty file', Buffer.alloc(0)],
    ['the PNG signature alone, cut short', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ])('%s is not a PNG or JPEG file', (_what, data) => {
    expect(problem(data)).toBe('image "x" is not a PNG or JPEG file')
  })
})
