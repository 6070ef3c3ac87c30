// pdfkit writes its XMP packet and a PDF/A document's identification without indentation.
import PDFDocument from 'pdfkit'
import { describe, expect, test } from 'vitest'
import { installPdfkitCompactXmp } from '../../src/patches/pdfkit-compact-xmp.js'
import { cannot } from './cannot.js'
import { newDoc, written, xmp } from './pdfkit-doc.js'

describe('compact XMP', () => {
  test('the packet opens and closes with no whitespace between its tags, and the PDF/A part is one line', async () => {
    installPdfkitCompactXmp()
    const meta = xmp(await written(newDoc({ subset: 'PDF/A-2b' })))
    expect(
      meta.startsWith(
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      ),
    ).toBe(true)
    expect(meta.endsWith('</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')).toBe(true)
    expect(meta).toContain(
      '<rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" rdf:about=""><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>',
    )
  })

  test('installing twice changes nothing more', () => {
    installPdfkitCompactXmp()
    const proto = PDFDocument.prototype as unknown as { initMetadata: unknown; initSubset: unknown }
    const { initMetadata, initSubset } = proto
    installPdfkitCompactXmp()
    expect([proto.initMetadata, proto.initSubset]).toEqual([initMetadata, initSubset])
  })

  test('a prototype whose metadata or PDF/A methods moved is refused by name and version', () => {
    expect(() => installPdfkitCompactXmp({})).toThrow(cannot('pdfkit', 'PDFDocument.prototype.initMetadata is missing'))
    const packet = function (this: { metadata: unknown }) {
      this.metadata = { _metadata: '<?xpacket begin="" id=""?><rdf:RDF>', _closeTags() {} }
    }
    const subset = function (this: { _importSubset(s: object): void }, options: { subset: string }) {
      this._importSubset({ subset: options.subset })
    }
    expect(() => installPdfkitCompactXmp({ initMetadata: packet })).toThrow(cannot('pdfkit', 'PDFDocument.prototype.initSubset is missing'))
    expect(() => installPdfkitCompactXmp({ initMetadata: packet, initSubset: subset })).toThrow(
      cannot('pdfkit', 'the XMP packet._closeTags is not the one this patch was written for (its source lacks "</rdf:RDF>")'),
    )
    const unclosed = function (this: { metadata: unknown }) {
      this.metadata = { body: '' }
    }
    expect(() => installPdfkitCompactXmp({ initMetadata: unclosed, initSubset: subset })).toThrow(
      cannot('pdfkit', 'the packet PDFDocument.prototype.initMetadata starts has no _metadata text opening <rdf:RDF>'),
    )
    const pdfkitLike = function (this: { metadata: unknown }) {
      this.metadata = {
        _metadata: '<?xpacket begin="" id=""?><rdf:RDF>',
        _closeTags(this: { _metadata: string }) {
          this._metadata += '</rdf:RDF><?xpacket end="w"?>'
        },
      }
    }
    expect(() => installPdfkitCompactXmp({ initMetadata: pdfkitLike, initSubset: subset })).toThrow(
      cannot('pdfkit', 'PDFDocument.prototype._importSubset is missing'),
    )
    const importSubset = function (this: object, mixin: object) {
      Object.assign(this, mixin)
    }
    // A subset step that copies no _getPdfaid onto the document.
    expect(() => installPdfkitCompactXmp({ initMetadata: pdfkitLike, initSubset: subset, _importSubset: importSubset })).toThrow(
      cannot('pdfkit', 'a PDF/A document made by PDFDocument.prototype.initSubset has no _getPdfaid writing its <pdfaid:part>'),
    )
  })
})
