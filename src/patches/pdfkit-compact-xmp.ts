// pdfkit's XMP templates are indented for reading; letters are small, so the packet is written compactly.
import PDFDocument from 'pdfkit'
import { expectTarget, targetMethod } from './target.js'

type Packet = { _metadata: string; _closeTags(): void }
type WithMetadata = { metadata: Packet; subset: number; subset_conformance: string; _getPdfaid?: () => string }
type InitMetadata = (this: WithMetadata) => void
type InitSubset = (this: WithMetadata, options: unknown) => void

const OPEN =
  '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
const CLOSE = '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'

const patched = new WeakSet<object>()

/** Make pdfkit write its XMP packet and PDF/A identification without indentation (once per prototype). */
export function installPdfkitCompactXmp(proto: object = PDFDocument.prototype): void {
  if (patched.has(proto)) return
  const initMetadata = targetMethod<InitMetadata>('pdfkit', proto, 'PDFDocument.prototype', 'initMetadata', {
    contains: ['this.metadata ='],
  })
  const initSubset = targetMethod<InitSubset>('pdfkit', proto, 'PDFDocument.prototype', 'initSubset', { length: 1 })
  checkPacket(initMetadata)
  checkPdfaid(proto, initSubset)
  const target = proto as { initMetadata: InitMetadata; initSubset: InitSubset }
  target.initMetadata = function () {
    initMetadata.call(this)
    this.metadata._metadata = OPEN
    const packet = this.metadata
    packet._closeTags = () => {
      packet._metadata += CLOSE
    }
  }
  // The PDF/A methods are copied onto each document when its subset is set, so the compact one goes there too.
  target.initSubset = function (options) {
    initSubset.call(this, options)
    if (this._getPdfaid) {
      this._getPdfaid = () =>
        `<rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" rdf:about=""><pdfaid:part>${this.subset}</pdfaid:part><pdfaid:conformance>${this.subset_conformance}</pdfaid:conformance></rdf:Description>`
    }
  }
  patched.add(proto)
}

/** The packet pdfkit starts (on a scratch object) is the one replaced: its text opens the RDF, and closing it closes the packet. */
function checkPacket(initMetadata: InitMetadata): void {
  const scratch = {} as WithMetadata
  initMetadata.call(scratch)
  const packet = scratch.metadata as Partial<Packet> | undefined
  expectTarget(
    'pdfkit',
    typeof packet?._metadata === 'string' && packet._metadata.includes('<?xpacket begin=') && packet._metadata.includes('<rdf:RDF'),
    'the packet PDFDocument.prototype.initMetadata starts has no _metadata text opening <rdf:RDF>',
  )
  targetMethod('pdfkit', packet, 'the XMP packet', '_closeTags', { contains: ['</rdf:RDF>', '<?xpacket end='] })
}

/** Setting a PDF/A subset (on a scratch object) copies a _getPdfaid onto the document, which is what is replaced. */
function checkPdfaid(proto: object, initSubset: InitSubset): void {
  const scratch = { _importSubset: (proto as { _importSubset?: unknown })._importSubset } as unknown as WithMetadata
  targetMethod('pdfkit', scratch, 'PDFDocument.prototype', '_importSubset')
  initSubset.call(scratch, { subset: 'PDF/A-2a' })
  expectTarget(
    'pdfkit',
    typeof scratch._getPdfaid === 'function' && scratch._getPdfaid().includes('<pdfaid:part>2</pdfaid:part>'),
    'a PDF/A document made by PDFDocument.prototype.initSubset has no _getPdfaid writing its <pdfaid:part>',
  )
}
