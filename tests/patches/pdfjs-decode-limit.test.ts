// A PDF read back (by `letterpress check`, --check and the tests) never decodes a stream beyond MAX_DECODED_MB.
import { describe, expect, test } from 'vitest'
import { checkPdfjsDecoder, DecodeLimitError, MAX_DECODED_MB } from '../../src/patches/pdfjs-decode-limit.js'
import { readPdf } from '../../src/check/read.js'
import { bombPdf } from '../helpers/bomb.js'
import { cannot } from './cannot.js'

describe('decode limit', () => {
  test('a Flate stream that inflates to 1 GB is refused, not read (the font scan meets it first)', async () => {
    await expect(readPdf(await bombPdf(1024))).rejects.toThrow(DecodeLimitError)
  })

  test('the same bomb behind ASCIIHexDecode is refused by the limit on what pdf.js decodes', async () => {
    const error = await readPdf(await bombPdf(1024, { hex: true })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DecodeLimitError)
    expect((error as Error).message).toBe(`the PDF has a stream that decodes to more than ${MAX_DECODED_MB} MB (a compression bomb?)`)
  })

  test('a stream within the limit is read, and the globals the limit replaces are restored after each read', async () => {
    const { Uint8Array: before, DecompressionStream: stream } = globalThis
    const facts = await readPdf(await bombPdf(4, { hex: true }))
    expect(facts.pages).toBe(1)
    expect(facts.info.Title).toBe('Bomb')
    expect(globalThis.Uint8Array).toBe(before)
    expect(globalThis.DecompressionStream).toBe(stream)
    await readPdf(await bombPdf(1024)).catch(() => undefined)
    expect(globalThis.Uint8Array).toBe(before)
    expect(globalThis.DecompressionStream).toBe(stream)
  })
})

describe('decode limit target', () => {
  test('the installed pdf.js decoder is the one the limit was written for', () => {
    expect(() => checkPdfjsDecoder()).not.toThrow()
  })

  test('a decoder that grows its buffers otherwise, or never inflates through DecompressionStream, is refused by name and version', () => {
    const decompress = 'try { const { readable } = new DecompressionStream(name) } catch {}'
    expect(() => checkPdfjsDecoder(`ensureBuffer(requested) { return new ArrayBuffer(requested) } ${decompress}`)).toThrow(
      cannot('pdfjs-dist', 'DecodeStream.ensureBuffer no longer grows its buffer as a new Uint8Array(size)'),
    )
    expect(() => checkPdfjsDecoder('ensureBuffer(requested) { const buffer2 = new Uint8Array(size) }')).toThrow(
      cannot('pdfjs-dist', 'its Flate streams no longer inflate through DecompressionStream where there is one'),
    )
    expect(() => checkPdfjsDecoder(`ensureBuffer(requested) { const buffer2 = new Uint8Array(size) } ${decompress}`)).not.toThrow()
  })
})
