// A document's link() is wrapped so each link annotation can carry the options a tagged PDF needs.
import { describe, expect, test } from 'vitest'
import { extendLinks } from '../../src/patches/pdfkit-link.js'
import { cannot } from './cannot.js'
import { newDoc, written } from './pdfkit-doc.js'

type LinkDoc = {
  addPage(): LinkDoc
  link(x: number, y: number, w: number, h: number, url: unknown, options?: Record<string, unknown>): LinkDoc
  page: { annotations: { data: Record<string, unknown> }[] }
}

describe('pdfkit links', () => {
  test('a link gets the extra options given for its URL, besides its own; one given none is drawn as asked', async () => {
    const doc = newDoc() as unknown as LinkDoc
    const asked: unknown[] = []
    extendLinks(doc, (url) => {
      asked.push(url)
      return url === 'https://example.com/' ? { Contents: new String('the example') } : undefined
    })
    const pdf = await written(doc as never, () => {
      doc.addPage()
      doc.link(10, 10, 50, 10, 'https://example.com/', { F: 4 })
      doc.link(10, 30, 50, 10, 'https://other.example/')
      const [first, second] = doc.page.annotations
      expect(first!.data).toMatchObject({ Subtype: 'Link', F: 4, Contents: new String('the example') })
      expect(second!.data.Contents).toBeUndefined()
    })
    expect(asked).toEqual(['https://example.com/', 'https://other.example/'])
    expect(pdf).toContain('/Contents (the example)')
    expect(pdf.match(/\/Contents \(/g)).toHaveLength(1)
  })

  test('a document without link(), or with another one, is refused by name and version', () => {
    expect(() => extendLinks({} as never, () => undefined)).toThrow(cannot('pdfkit', 'PDFDocument.link is missing'))
    const short = { link: (x: number, y: number, w: number, h: number, url: string) => [x, y, w, h, url] }
    expect(() => extendLinks(short as never, () => undefined)).toThrow(cannot('pdfkit', 'PDFDocument.link declares 5 parameters, not 6'))
    const untied = {
      link(this: { annotate(...args: unknown[]): void }, x: number, y: number, w: number, h: number, url: string, options: object) {
        this.annotate(x, y, w, h, { ...options, url })
      },
      annotate() {},
    }
    expect(() => extendLinks(untied as never, () => undefined)).toThrow(
      cannot('pdfkit', 'PDFDocument.annotate is not the one this patch was written for (its source lacks "structParent")'),
    )
  })
})
