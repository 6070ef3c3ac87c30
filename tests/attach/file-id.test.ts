// The combined file's ID: the letter's first half kept, the second made from every input.
import { createHash } from 'node:crypto'
import { PDFArray, PDFDocument, PDFHexString, PDFString } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { fileId } from '../../src/attach/file-id.js'
import { attachJob } from '../../src/attach/job.js'

const md5 = (...inputs: Uint8Array[]) =>
  inputs
    .reduce((hash, input) => hash.update(input), createHash('md5'))
    .digest('hex')
    .toUpperCase()
const halves = (id: PDFArray) => [0, 1].map((i) => (id.lookup(i) as PDFHexString).asString().toUpperCase())
const letter = new TextEncoder().encode('%PDF-1.7 the letter')
const cv = new TextEncoder().encode('%PDF-1.7 a CV')
const certificate = new TextEncoder().encode('%PDF-1.7 a certificate')

describe('fileId', () => {
  test("keeps the letter's permanent first half; the second is the MD5 of the letter and its attachments, in order", async () => {
    const out = await PDFDocument.create({ updateMetadata: false })
    out.context.trailerInfo.ID = out.context.obj([
      PDFHexString.of('00112233445566778899AABBCCDDEEFF'),
      PDFHexString.of('FFEEDDCCBBAA99887766554433221100'),
    ])
    const id = fileId(await attachJob('letter.md', []), out, [letter, cv, certificate])
    expect(halves(id)).toEqual(['00112233445566778899AABBCCDDEEFF', md5(letter, cv, certificate)])
  })

  test('a literal-string first half is kept as it is', async () => {
    const out = await PDFDocument.create({ updateMetadata: false })
    const first = PDFString.of('permanent')
    out.context.trailerInfo.ID = out.context.obj([first, first])
    expect(fileId(await attachJob('letter.md', []), out, [letter]).get(0)).toBe(first)
  })

  test('without an ID of its own, both halves come from the inputs; other attachments give another second half', async () => {
    const out = await PDFDocument.create({ updateMetadata: false })
    const job = await attachJob('letter.md', [])
    expect(halves(fileId(job, out, [letter, cv]))).toEqual([md5(letter, cv), md5(letter, cv)])
    expect(halves(fileId(job, out, [letter, certificate]))[1]).not.toBe(md5(letter, cv))
  })
})
