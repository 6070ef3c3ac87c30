// The PDF reader is the product's own (src/check/read.ts, pdf.js underneath), shared by `letterpress check`.
export { readPdf, type PdfFacts } from '../../src/check/read.js'
