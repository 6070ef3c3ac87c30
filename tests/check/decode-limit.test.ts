// A PDF read back (by `letterpress check`, --check and the tests) never decodes a stream beyond MAX_DECODED_MB.
import { describe, expect, test } from 'vitest'
import { DecodeLimitError, MAX_DECODED_MB } from '../../src/check/decode-limit.js'
import { readPdf } from '../../src/check/read.js'
import { bombPdf } from '../helpers/bomb.js'

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
