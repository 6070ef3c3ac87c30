// pdfkit writes the document info into the XMP metadata escaped, with the modification date PDF/A needs.
import { describe, expect, test } from 'vitest'
import { installPdfkitInfo } from '../../src/patches/pdfkit-info.js'
import { cannot } from './cannot.js'
import { newDoc, written, xmp } from './pdfkit-doc.js'

const CREATED = new Date(Date.UTC(2023, 10, 14, 22, 13, 20))
const MODIFIED = new Date(Date.UTC(2023, 10, 14, 23, 13, 20))

describe('pdfkit document info in XMP', () => {
  test('every fact is written escaped, with the modification and metadata dates', async () => {
    installPdfkitInfo()
    const info = {
      Title: 'R&D <Lead>',
      Author: 'Kim "K" Lee',
      Subject: 'A & B',
      Keywords: 'a&b',
      Creator: 'letterpress',
      Producer: 'letter>press',
      CreationDate: CREATED,
      ModDate: MODIFIED,
    }
    const meta = xmp(await written(newDoc({ info })))
    expect(meta).toContain(
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>' +
        '<xmp:ModifyDate>2023-11-14T23:13:20Z</xmp:ModifyDate><xmp:MetadataDate>2023-11-14T23:13:20Z</xmp:MetadataDate><xmp:CreatorTool>letterpress</xmp:CreatorTool></rdf:Description>',
    )
    expect(meta).toContain(
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">R&amp;D &lt;Lead&gt;</rdf:li></rdf:Alt></dc:title>' +
        '<dc:creator><rdf:Seq><rdf:li>Kim &quot;K&quot; Lee</rdf:li></rdf:Seq></dc:creator><dc:description><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B</rdf:li></rdf:Alt></dc:description></rdf:Description>',
    )
    expect(meta).toContain(
      '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>letter&gt;press</pdf:Producer><pdf:Keywords>a&amp;b</pdf:Keywords></rdf:Description>',
    )
  })

  test('facts the document does not have are left out, not written as "undefined"', async () => {
    installPdfkitInfo()
    const meta = xmp(await written(newDoc({ info: { CreationDate: CREATED, Creator: '', Producer: '' } })))
    expect(meta).toContain(
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate></rdf:Description>',
    )
    expect(meta).toContain('<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"></rdf:Description>')
    expect(meta).not.toContain('dc:')
    expect(meta).not.toContain('undefined')
  })

  test('a prototype without _addInfo, or with one that writes other properties, is refused by name and version', () => {
    expect(() => installPdfkitInfo({})).toThrow(cannot('pdfkit', 'PDFDocument.prototype._addInfo is missing'))
    const proto = (addInfo: () => void) => ({
      _addInfo: addInfo,
      endMetadata(this: { _addInfo(): void }) {
        this._addInfo()
      },
      appendXML() {},
    })
    expect(() =>
      installPdfkitInfo(
        proto(function (this: { appendXML(x: string): void; info: { Title: string } }) {
          this.appendXML(`<dc:title>${this.info.Title}</dc:title>`)
        }),
      ),
    ).toThrow(
      cannot(
        'pdfkit',
        'PDFDocument.prototype._addInfo writes the XMP properties dc:title, not dc:creator, dc:description, dc:title, pdf:Keywords, pdf:Producer, xmp:CreateDate, xmp:CreatorTool',
      ),
    )
    const pdfkitLike = function (this: { appendXML(x: string): void; info: Record<string, string> }) {
      const { info } = this
      this.appendXML(`<xmp:CreateDate>${info.CreationDate}</xmp:CreateDate><xmp:CreatorTool>${this.info.Creator}</xmp:CreatorTool>`)
      this.appendXML(
        `<dc:title>${this.info.Title}</dc:title><dc:creator>${info.Author}</dc:creator><dc:description>${info.Subject}</dc:description>`,
      )
      this.appendXML(`<pdf:Producer>${info.Producer}</pdf:Producer><pdf:Keywords>${info.Keywords}</pdf:Keywords>`)
    }
    // The same properties, but the metadata is no longer written through _addInfo.
    expect(() => installPdfkitInfo({ _addInfo: pdfkitLike, endMetadata() {}, appendXML() {} })).toThrow(
      cannot('pdfkit', 'PDFDocument.prototype.endMetadata is not the one this patch was written for (its source lacks "this._addInfo()")'),
    )
    const accepted = proto(pdfkitLike)
    installPdfkitInfo(accepted)
    expect(accepted._addInfo).not.toBe(pdfkitLike)
  })
})
