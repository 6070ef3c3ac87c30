import * as mupdf from 'mupdf'

/** Page `index` of a PDF as RGB pixels at `dpi`, rasterised by MuPDF (WebAssembly, from npm). */
export function rasterise(pdf: Uint8Array, index = 0, dpi = 50): { width: number; height: number; png: Uint8Array; rgba: Uint8Array } {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    const page = doc.loadPage(index)
    // Opaque white paper: transparent pixels would make anti-aliased edges depend on alpha handling.
    const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true)
    const width = pixmap.getWidth()
    const height = pixmap.getHeight()
    const rgb = pixmap.getPixels()
    const rgba = new Uint8Array(width * height * 4)
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
      rgba[j] = rgb[i]!
      rgba[j + 1] = rgb[i + 1]!
      rgba[j + 2] = rgb[i + 2]!
      rgba[j + 3] = 255
    }
    return { width, height, png: pixmap.asPNG(), rgba }
  } finally {
    doc.destroy()
  }
}
