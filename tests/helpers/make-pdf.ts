// Small PDFs made on the spot with pdfkit, to attach to letters in tests: one line of text per page (in an
// embedded Noto Sans, so pdf.js reads it back), optionally links, a form field, a Title, or a password. And one
// made with pdf-lib, whose annotations have appearance streams of their own.
import { join } from 'node:path'
import { PDFDocument as PdfLibDocument, StandardFonts } from 'pdf-lib'
import PDFDocument from 'pdfkit'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { installPdfkitCompactXmp } from '../../src/patches/pdfkit-compact-xmp.js'
import { installPdfkitDefaultFont } from '../../src/patches/pdfkit-default-font.js'
import { installPdfkitFontCache } from '../../src/patches/pdfkit-font-cache.js'
import { installPdfkitInfo } from '../../src/patches/pdfkit-info.js'

// The project's pdfkit patches, before any document is made: a document starts with no font, so every page below
// sets one. (Not fontkit's: pdfkit's own text API scales shaped runs in place, which the shaping cache forbids.)
for (const install of [installPdfkitDefaultFont, installPdfkitInfo, installPdfkitCompactXmp, installPdfkitFontCache]) install()

type Doc = {
  font(src: string, size?: number): Doc
  text(text: string, x: number, y: number, options?: { link?: string; goTo?: string; destination?: string }): Doc
  link(x: number, y: number, w: number, h: number, url: string | number): Doc
  initForm(): Doc
  formText(name: string, x: number, y: number, w: number, h: number, options?: { value?: string }): Doc
  addPage(): Doc
  end(): void
  on(event: 'data', listener: (chunk: Buffer) => void): void
  on(event: 'end', listener: () => void): void
}

export interface PdfOptions {
  /** The PDF's /Title. */
  title?: string
  /** A link (its URL) set on a second line of the first page. */
  link?: string
  /** A second link on the first page, to this URL (say, one that is not kept). */
  otherLink?: string
  /** On the last page, links back to the first: one to a named destination, one by page number. */
  backLinks?: boolean
  /** A text field on the first page, filled in with this value (pdfkit gives it no appearance stream). */
  field?: string
  /** Encrypt with this user password (opening needs it). */
  userPassword?: string
  /** Encrypt with this owner password only: the file opens without a password, with restrictions. */
  ownerPassword?: string
  /** [width, height] in points (default A4). */
  size?: [number, number]
}

/** A PDF with one page per entry of `pages`, each with that line of text near its top. */
export function makePdf(pages: string[], options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new (PDFDocument as unknown as new (o: object) => Doc)({
    size: options.size ?? 'A4',
    autoFirstPage: false,
    info: options.title ? { Title: options.title } : {},
    ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner` } : {}),
    ...(options.ownerPassword ? { ownerPassword: options.ownerPassword, permissions: { printing: 'highResolution' } } : {}),
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))))
  pages.forEach((text, i) => {
    doc
      .addPage()
      .font(join(bundledFontsDir, 'noto-sans/NotoSans-Regular.ttf'), 12)
      .text(text, 72, 72, i === 0 ? { destination: 'start' } : {})
    if (i === 0 && options.link) doc.text('My portfolio', 72, 120, { link: options.link })
    if (i === 0 && options.otherLink) doc.text('Other link', 72, 150, { link: options.otherLink })
    if (i === 0 && options.field) doc.initForm().formText('name', 72, 200, 200, 20, { value: options.field })
    if (i === pages.length - 1 && options.backLinks) {
      doc.text('Back by name', 72, 120, { goTo: 'start' })
      doc.text('Back by number', 72, 150).link(72, 150, 100, 15, 0)
    }
  })
  doc.end()
  return done
}

/** Where makeAnnotatedPdf puts its stamp on its A4 page: [x0, y0, x1, y1] in points from the bottom left. */
export const STAMP_RECT = [300, 400, 400, 420]

/**
 * A one-page A4 PDF made with pdf-lib whose annotations have appearance streams: a text field filled in with
 * `field`, a stamp reading `stamp` (its text 2 pt right of and 4 pt above STAMP_RECT's corner, in 10 pt
 * Helvetica), and a hidden stamp reading `hidden`.
 */
export async function makeAnnotatedPdf(
  text: string,
  { field, stamp, hidden }: { field: string; stamp: string; hidden: string },
): Promise<Uint8Array> {
  const doc = await PdfLibDocument.create({ updateMetadata: false })
  const page = doc.addPage([595, 842])
  const helvetica = await doc.embedFont(StandardFonts.Helvetica)
  page.drawText(text, { x: 72, y: 770, size: 12, font: helvetica })
  const form = doc.getForm()
  const textField = form.createTextField('applicant')
  textField.setText(field)
  textField.addToPage(page, { x: 72, y: 600, width: 200, height: 24 })
  const { context } = doc
  const addStamp = (words: string, flags: number, rect: number[]) => {
    const appearance = context.stream(`BT /Hv 10 Tf 2 4 Td (${words}) Tj ET`, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 100, 20],
      Resources: { Font: { Hv: helvetica.ref } },
    })
    page.node.addAnnot(
      context.register(context.obj({ Type: 'Annot', Subtype: 'Stamp', Rect: rect, F: flags, AP: { N: context.register(appearance) } })),
    )
  }
  addStamp(stamp, 4, STAMP_RECT)
  addStamp(hidden, 2, [300, 300, 400, 320])
  return doc.save({ useObjectStreams: true })
}
