import { Document, Page, Text } from '@react-pdf/renderer'
import PDFDocument from 'pdfkit'
import { describe, expect, test } from 'vitest'
import { registerFonts } from '../../src/fonts/index.js'
import { drawDocument } from '../../src/draw/index.js'
import { readPdf } from '../helpers/pdf.js'

describe('no standard PDF fonts in the file', () => {
  test('text without a family, and glyphs no font has, still use embedded faces', async () => {
    await registerFonts(['Noto Serif'])
    const { pdf } = await drawDocument(
      <Document>
        <Page size="A4">
          <Text>No family given, so react-pdf would use Helvetica.</Text>
          <Text style={{ fontFamily: 'Noto Serif' }}>Missing glyph: 中 and a known one: é</Text>
        </Page>
      </Document>,
    )
    const facts = await readPdf(pdf)
    expect(facts.text[0]).toContain('No family given')
    expect(facts.fonts.length).toBeGreaterThan(0)
    for (const font of facts.fonts) expect(font).toMatchObject({ embedded: true })
    expect(Buffer.from(pdf).toString('latin1')).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/)
  })

  test('the check itself sees a standard font when one is there', async () => {
    const doc = new (
      PDFDocument as unknown as new (
        o: object,
      ) => NodeJS.ReadableStream & { font(n: string): unknown; text(t: string): unknown; end(): void }
    )({ compress: false })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    const done = new Promise((r) => doc.on('end', r))
    doc.font('Helvetica')
    doc.text('plain Helvetica')
    doc.end()
    await done
    const facts = await readPdf(Buffer.concat(chunks))
    expect(facts.fonts).toContainEqual(expect.objectContaining({ name: 'Helvetica', subtype: 'Type1', embedded: false }))
  })
})
