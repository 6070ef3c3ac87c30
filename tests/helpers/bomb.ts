// Compression bombs for tests: small PDFs whose content stream inflates to gigabytes, or to more text than a reader holds.
import { constants, deflateRawSync, deflateSync } from 'node:zlib'
import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib'

/**
 * A zlib stream of `mb` MB of spaces, built in no time from one compressed megabyte repeated (each block ends
 * on a byte boundary and only refers back to spaces), with the Adler-32 sum of the whole worked out directly.
 */
export function spacesZlib(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 32), { level: 9, finishFlush: constants.Z_SYNC_FLUSH })
  const n = BigInt(mb) << 20n
  const a = (1n + 32n * n) % 65521n
  const b = (n + 16n * n * (n + 1n)) % 65521n
  const adler = Buffer.alloc(4)
  adler.writeUInt32BE(Number((b << 16n) | a))
  // zlib header, the blocks, a final empty block, the checksum.
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(mb).fill(block), Buffer.from([0x03, 0x00]), adler])
}

/**
 * A one-page PDF (with title, author and language, so only its size is wrong) whose content stream inflates to
 * `mb` MB; `hex` wraps it in ASCIIHexDecode too, so only a reader that decodes the filter chain meets the bomb.
 */
export async function bombPdf(mb: number, { hex = false } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle('Bomb')
  doc.setAuthor('Kim Lee')
  doc.setLanguage('en')
  const page = doc.addPage([595, 842])
  const data = spacesZlib(mb)
  const stream = hex
    ? doc.context.stream(Buffer.from(`${data.toString('hex')}>`), { Filter: ['ASCIIHexDecode', 'FlateDecode'] })
    : doc.context.stream(data, { Filter: 'FlateDecode' })
  page.node.set(PDFName.of('Contents'), doc.context.register(stream))
  return doc.save({ useObjectStreams: false })
}

/** A one-page PDF whose content stream (well within the decode limit) shows `count` pieces of text: more than a read-back's heap holds. */
export async function textFloodPdf(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle('Flood')
  doc.setAuthor('Kim Lee')
  doc.setLanguage('en')
  const page = doc.addPage([595, 842])
  // Drawing one piece of text puts a font in the page's resources; the flood uses it.
  page.drawText('x', { font: await doc.embedFont(StandardFonts.Helvetica), x: 50, y: 700 })
  const font = (page.node.Resources()!.lookup(PDFName.of('Font')) as PDFDict).keys()[0]!.decodeText()
  const content = deflateSync(Buffer.from(`BT /${font} 12 Tf 50 700 Td (ab) Tj ET\n`.repeat(count)))
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content, { Filter: 'FlateDecode' })))
  return doc.save({ useObjectStreams: false })
}
