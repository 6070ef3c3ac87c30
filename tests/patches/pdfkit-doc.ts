// A pdfkit document made on the spot and written out uncompressed, so its objects and metadata can be read as text.
import PDFDocument from 'pdfkit'

/** A pdfkit document as these tests use it. */
export type Doc = NodeJS.ReadableStream & {
  _font: unknown
  _fontFamilies: Record<string, unknown>
  addPage(): Doc
  end(): void
}

/** A new pdfkit document (PDF 1.7, uncompressed, no page yet) with `options` besides. */
export const newDoc = (options: object = {}) =>
  new (PDFDocument as unknown as new (o: object) => Doc)({ autoFirstPage: false, compress: false, pdfVersion: '1.7', ...options })

/** The document written out, after `draw` has drawn on it (by default one empty page), as text. */
export async function written(doc: Doc, draw: (doc: Doc) => void = (d) => d.addPage()): Promise<string> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => doc.on('end', resolve))
  draw(doc)
  doc.end()
  await done
  return Buffer.concat(chunks).toString('utf8')
}

/** The XMP packet of a written document. */
export const xmp = (pdf: string) => /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(pdf)?.[0] ?? ''
