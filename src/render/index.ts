import type { ReactElement } from 'react'
import { pdf, type DocumentProps } from '@react-pdf/renderer'
import PDFDocument from 'pdfkit'

// pdfkit opens every document with Helvetica as its current font, and that standard (never embedded)
// font object is written into the file even when no text uses it; start documents with no font instead.
const initFonts = PDFDocument.prototype.initFonts
PDFDocument.prototype.initFonts = function (_defaultFont, family, size) {
  initFonts.call(this, null, family, size)
}

/** PDF bytes and the page count react-pdf laid out. */
export interface Rendered {
  pdf: Uint8Array
  pages: number
}

type LayoutData = { children?: unknown[] }

/** Lay out and render a react-pdf <Document> element to PDF bytes. */
export async function renderDocument(document: ReactElement<DocumentProps>): Promise<Rendered> {
  let pages = 0
  const onRender = ({ _INTERNAL__LAYOUT__DATA_: layout }: { _INTERNAL__LAYOUT__DATA_?: LayoutData }) => {
    pages = layout?.children?.length ?? 0
  }
  const element = { ...document, props: { ...document.props, onRender } } as ReactElement<DocumentProps>
  const stream = (await pdf(element).toBuffer()) as unknown as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as unknown as Uint8Array))
  return { pdf: new Uint8Array(Buffer.concat(chunks)), pages }
}
