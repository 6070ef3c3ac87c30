import PDFDocument from 'pdfkit'

// Two contained fixes to the pdfkit that @react-pdf/renderer writes with (0.20), applied once on import.

type Info = { Title?: string; Author?: string; Subject?: string; Keywords?: string; Creator?: string; Producer?: string; CreationDate: Date; ModDate?: Date }
type Doc = { info: Info; appendXML(xml: string, newline?: boolean): void }

// 1. pdfkit opens every document with Helvetica as its current font, and that standard (never embedded)
//    font object is written into the file even when no text uses it; start documents with no font instead.
const initFonts = PDFDocument.prototype.initFonts
PDFDocument.prototype.initFonts = function (_defaultFont, family, size) {
  initFonts.call(this, null, family, size)
}

/** Text made safe inside XML. */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`

// 2. pdfkit writes the document info into the XMP metadata (PDF/A) without escaping it, so a title with
//    "&" or "<" made the metadata invalid XML, and it leaves out the modification date that the info
//    dictionary carries, which PDF/A requires to match. Write the same facts, escaped and complete.
;(PDFDocument.prototype as unknown as { _addInfo(this: Doc): void })._addInfo = function (this: Doc) {
  const { info } = this
  const dates = [`<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`]
  if (info.ModDate) dates.push(`<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`, `<xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>`)
  if (info.Creator) dates.push(`<xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool>`)
  this.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${dates.join('')}</rdf:Description>`)
  const dc: string[] = []
  if (info.Title) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title)}</rdf:li></rdf:Alt></dc:title>`)
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`)
  if (info.Subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject)}</rdf:li></rdf:Alt></dc:description>`)
  if (dc.length) this.appendXML(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`)
  const pdf = [info.Producer ? `<pdf:Producer>${xml(info.Producer)}</pdf:Producer>` : '', info.Keywords ? `<pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>` : '']
  this.appendXML(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`)
}

// 3. pdfkit's XMP templates are indented for reading; letters are small, so write the packet compactly.
type Packet = { _metadata: string; _closeTags(): void }
type WithMetadata = { metadata: Packet; subset: number; subset_conformance: string }
const proto = PDFDocument.prototype as unknown as {
  initMetadata(this: WithMetadata): void
  initSubset(this: WithMetadata & { _getPdfaid?: () => string }, options: unknown): void
}
const initMetadata = proto.initMetadata
proto.initMetadata = function (this: WithMetadata) {
  initMetadata.call(this)
  this.metadata._metadata = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
  const packet = this.metadata
  packet._closeTags = () => {
    packet._metadata += '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  }
}
// The PDF/A methods are copied onto each document when its subset is set, so the compact one goes there too.
const initSubset = proto.initSubset
proto.initSubset = function (options) {
  initSubset.call(this, options)
  if (this._getPdfaid) {
    this._getPdfaid = () =>
      `<rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" rdf:about=""><pdfaid:part>${this.subset}</pdfaid:part><pdfaid:conformance>${this.subset_conformance}</pdfaid:conformance></rdf:Description>`
  }
}

// 4. react-pdf sets the font before every run of glyphs, passing the fontkit font itself. pdfkit keys its
//    font cache by name only, so each call built a new embedded font and compared font name tables as JSON
//    to find the one it already had (about 5 % of a render). Remember the answer per font object.
type FontDoc = { _font: unknown; _fontSource: unknown; _fontFamily: unknown; fontSize(size: number): void }
const fontsByObject = new WeakMap<object, WeakMap<object, unknown>>()
type SetFont = (this: FontDoc, src: unknown, family?: unknown, size?: number) => FontDoc
const fonts = PDFDocument.prototype as unknown as { font: SetFont }
const font = fonts.font
fonts.font = function (src, family, size) {
  if (!src || typeof src !== 'object' || typeof family === 'string') return font.call(this, src, family, size)
  let known = fontsByObject.get(this)
  if (!known) fontsByObject.set(this, (known = new WeakMap()))
  const embedded = known.get(src)
  if (!embedded) {
    font.call(this, src, family, size)
    known.set(src, this._font)
    return this
  }
  if (typeof family === 'number') size = family
  this._fontSource = src
  this._fontFamily = null
  if (size != null) this.fontSize(size)
  this._font = embedded
  return this
}
