// pdfkit writes the document info into the XMP metadata (PDF/A) without escaping it, so a title with "&" or "<"
// made the metadata invalid XML, and it leaves out the modification date that the info dictionary carries, which
// PDF/A requires to match. The same facts are written escaped and complete.
import PDFDocument from 'pdfkit'
import { expectTarget, targetMethod } from './target.js'

type Info = {
  Title?: string
  Author?: string
  Subject?: string
  Keywords?: string
  Creator?: string
  Producer?: string
  CreationDate: Date
  ModDate?: Date
}
type Doc = { info: Info; appendXML(xml: string, newline?: boolean): void }

/** The XMP properties pdfkit's own _addInfo writes: the replacement writes these (and the dates PDF/A needs). */
const PDFKIT_PROPERTIES = ['dc:creator', 'dc:description', 'dc:title', 'pdf:Keywords', 'pdf:Producer', 'xmp:CreateDate', 'xmp:CreatorTool']

/** Text made safe inside XML. */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`

/** The document info as XMP, escaped, with the modification date. */
function addInfo(this: Doc): void {
  const { info } = this
  const dates = [`<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`]
  if (info.ModDate)
    dates.push(`<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`, `<xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>`)
  if (info.Creator) dates.push(`<xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool>`)
  this.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${dates.join('')}</rdf:Description>`)
  const dc: string[] = []
  if (info.Title) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title)}</rdf:li></rdf:Alt></dc:title>`)
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`)
  if (info.Subject)
    dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject)}</rdf:li></rdf:Alt></dc:description>`)
  if (dc.length)
    this.appendXML(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`)
  const pdf = [
    info.Producer ? `<pdf:Producer>${xml(info.Producer)}</pdf:Producer>` : '',
    info.Keywords ? `<pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>` : '',
  ]
  this.appendXML(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`)
}

const patched = new WeakSet<object>()

/** Make pdfkit write the document info into its XMP metadata escaped and with the modification date (once per prototype). */
export function installPdfkitInfo(proto: object = PDFDocument.prototype): void {
  if (patched.has(proto)) return
  // Replaced, not wrapped: the original writes the values unescaped, which no later step can tell from markup, so
  // the check pins what it replaces: the XMP properties it writes, and that the metadata is still written through it.
  const original = targetMethod<() => void>('pdfkit', proto, 'PDFDocument.prototype', '_addInfo', {
    length: 0,
    contains: ['this.appendXML(', 'this.info.'],
  })
  const written = [...new Set(Function.prototype.toString.call(original).match(/(?<=<)(?:xmp|dc|pdf):\w+/g) ?? [])].sort()
  expectTarget(
    'pdfkit',
    written.join() === PDFKIT_PROPERTIES.join(),
    `PDFDocument.prototype._addInfo writes the XMP properties ${written.join(', ')}, not ${PDFKIT_PROPERTIES.join(', ')}`,
  )
  targetMethod('pdfkit', proto, 'PDFDocument.prototype', 'endMetadata', { contains: ['this._addInfo()'] })
  targetMethod('pdfkit', proto, 'PDFDocument.prototype', 'appendXML')
  ;(proto as { _addInfo(this: Doc): void })._addInfo = addInfo
  patched.add(proto)
}
