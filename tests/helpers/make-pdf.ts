// Small PDFs made on the spot with pdfkit, to attach to letters in tests: one line of text per page (in an
// embedded Noto Sans, so pdf.js reads it back), optionally a link, a Title, or a password.
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { bundledFontsDir } from '../../src/fonts/index.js'
// Imported for its side effect before any document is made: with the project's pdfkit patches in place a
// document starts with no font, so every page below sets one.
import '../../src/render/pdfkit-patches.js'

type Doc = {
  font(src: string, size?: number): Doc
  text(text: string, x: number, y: number, options?: { link?: string }): Doc
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
  /** Encrypt with this user password (opening needs it). */
  userPassword?: string
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
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))))
  pages.forEach((text, i) => {
    doc.addPage().font(join(bundledFontsDir, 'noto-sans/NotoSans-Regular.ttf'), 12).text(text, 72, 72)
    if (i === 0 && options.link) doc.text('My portfolio', 72, 120, { link: options.link })
  })
  doc.end()
  return done
}
