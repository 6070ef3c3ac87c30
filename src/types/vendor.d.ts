// Minimal declarations for the parts of untyped dependencies that letterpress uses.
declare module 'fontkit' {
  export interface Font {
    familyName: string
    subfamilyName: string
    postscriptName: string
    italicAngle: number
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | { fonts: Font[] }
}

declare module 'pdfkit' {
  interface PDFDocumentPrototype {
    initFonts(defaultFont?: string | null, defaultFontFamily?: string | null, defaultFontSize?: number): void
  }
  const PDFDocument: { prototype: PDFDocumentPrototype }
  export default PDFDocument
}
