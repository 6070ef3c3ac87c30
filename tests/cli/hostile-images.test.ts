// Hostile and damaged images: each is refused by its header or structure before anything decodes it, as a
// warning with its line; the alt text stands in and the rest of the letter is written.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
import {
  chunk,
  exif,
  ihdr,
  jfif,
  jpegOf,
  noisePng,
  pngBomb,
  pngOf,
  scanlines,
  pngWithRows,
  realJpeg,
  realPng,
  scan,
  sof,
} from '../helpers/images.js'
import { readPdf } from '../helpers/pdf.js'

/** A letter with one image between two paragraphs; the image is on line 5. */
const letter = (file: string) =>
  `Dear Sam,\n\nBefore the picture.\n\n![A picture](${file})\n\nAfter the picture.\n\nBest regards,\nKim Lee\n`

/** Render a one-letter project holding `image` as `file`; the exit code, stderr, the PDF's text and its image count. */
async function renderWith(file: string, image: Buffer, markdown = letter(file)) {
  const dir = project({ 'letters/a.md': markdown })
  writeFileSync(join(dir, 'letters', file), image)
  const r = letterpress(dir, [])
  const pdf = r.code === 0 ? readFileSync(join(dir, 'output/a.pdf')) : undefined
  const text = pdf ? (await readPdf(pdf)).text.join('\n') : ''
  const images = pdf ? (pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length : 0
  return { ...r, text, images }
}

describe('hostile images', () => {
  test('a 20000 × 20000 PNG is refused by its header: a warning at its line, the alt text in its place', async () => {
    const r = await renderWith('bomb.png', pngBomb(20000, 20000))
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      'letters/a.md:5:1 warning image "bomb.png" is 20000 × 20000 pixels (400 megapixels); images up to 40 megapixels are embedded; rendered without it',
    )
    expect(r.text).toContain('Before the picture.')
    expect(r.text).toContain('[A picture]')
    expect(r.text).toContain('After the picture.')
    expect(r.images).toBe(0)
  })

  test('a PNG with a bad filter type fails only its image, not the letter', async () => {
    const r = await renderWith('filter.png', pngWithRows(16, 16, 4, [2]))
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      'letters/a.md:5:1 warning image "filter.png" is incomplete or corrupt (scanline 3 has filter type 5, not 0 to 4); rendered without it',
    )
    expect(r.stderr).not.toContain('Invalid filter algorithm')
    expect(r.text).toContain('[A picture]')
    expect(r.text).toContain('After the picture.')
  })

  test('a PNG with more image data than the PNG reader holds within the heap limit is a warning, not a letter out of memory', async () => {
    const r = await renderWith('photo.png', noisePng(2400, 2400))
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      'letters/a.md:5:1 warning image "photo.png" has 17.3 MB of compressed image data; PNGs with up to 10 MB are embedded (a photo is smaller as a JPEG); rendered without it',
    )
    expect(r.text).toContain('[A picture]')
    expect(r.text).toContain('After the picture.')
  })

  test('a PNG with a 500 KB text chunk is a warning at its line, not a bare "Maximum call stack size exceeded"', async () => {
    const text = chunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(500_000, 0x41)]))
    const r = await renderWith('notes.png', pngOf([ihdr(2, 2), text, chunk('IDAT', deflateSync(scanlines(2, 6)))]))
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      'letters/a.md:5:1 warning image "notes.png" is a PNG with a text chunk of 489 KB; PNGs with text chunks up to 64 KB are embedded; rendered without it',
    )
    expect(r.stderr).not.toContain('call stack')
    expect(r.text).toContain('[A picture]')
  })

  test('a JPEG whose JFIF segment is damaged is a warning at its line, never a bare "Unknown version 57005"', async () => {
    const r = await renderWith('photo.jpg', jpegOf(jfif(0x0101, [0xde, 0xad]), sof(30, 20), scan()))
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      'letters/a.md:5:1 warning image "photo.jpg" is incomplete or corrupt (the 0xFFE0 segment at byte 2 has the wrong length); rendered without it',
    )
    expect(r.stderr).not.toContain('Unknown version')
    expect(r.text).toContain('[A picture]')
    expect(r.text).toContain('After the picture.')
  })

  test('a JPEG whose EXIF claims 65535 entries is a warning at its line, not a letter that runs out of memory', async () => {
    const r = await renderWith('photo.jpg', jpegOf(exif([[0x0112, 3, 1, 0x00010000]], 0xffff), sof(30, 20), scan()))
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      'letters/a.md:5:1 warning image "photo.jpg" is incomplete or corrupt (its EXIF data points outside its segment); rendered without it',
    )
    expect(r.text).toContain('[A picture]')
    expect(r.text).toContain('After the picture.')
  })

  test('a JPEG cut off and one without a frame header are warnings at their lines', async () => {
    const whole = realJpeg(40, 30)
    const dir = project({ 'letters/a.md': 'Dear Sam,\n\n![cut](cut.jpg)\n\n![headless](headless.jpg)\n\nThanks.\n' })
    writeFileSync(join(dir, 'letters/cut.jpg'), whole.subarray(0, whole.length >> 1))
    writeFileSync(join(dir, 'letters/headless.jpg'), jpegOf(jfif(), scan()))
    const r = letterpress(dir, [])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/letters\/a\.md:3:1 warning image "cut\.jpg" is incomplete or corrupt \([^)]+\); rendered without it/)
    expect(r.stderr).toContain(
      'letters/a.md:5:1 warning image "headless.jpg" is incomplete or corrupt (its image data comes before its frame header)',
    )
    const text = (await readPdf(readFileSync(join(dir, 'output/a.pdf')))).text.join('\n')
    expect(text).toContain('[cut]')
    expect(text).toContain('Thanks.')
  })

  test('a signature that is an image bomb is a warning at the signature field; the letter is signed by name', async () => {
    const markdown = '---\nsubject: Hello\nsignature: sig.png\n---\n\nDear Sam,\n\nThanks.\n\nBest regards,\nKim Lee\n'
    const r = await renderWith('sig.png', pngBomb(20000, 20000), markdown)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /letters\/a\.md:3:\d+ warning signature: image "sig\.png" is 20000 × 20000 pixels \(400 megapixels\); images up to 40 megapixels are embedded; rendered without it/,
    )
    expect(r.text).toContain('Kim Lee')
    expect(r.images).toBe(0)
  })

  test('whole PNGs and JPEGs are embedded without a warning', async () => {
    const dir = project({ 'letters/a.md': 'Dear Sam,\n\n![png](a.png)\n\n![jpeg](b.jpg)\n\nThanks.\n' })
    writeFileSync(join(dir, 'letters/a.png'), realPng(60, 40))
    writeFileSync(join(dir, 'letters/b.jpg'), realJpeg(60, 40))
    const r = letterpress(dir, [])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const pdf = readFileSync(join(dir, 'output/a.pdf'))
    // The RGBA PNG is two image objects (colour and its alpha mask), the JPEG one.
    expect((pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length).toBe(3)
  })
})
