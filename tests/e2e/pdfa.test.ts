// PDF/A-2b by default: read back from the file's own structure (no external validator needed).
import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { readPdf } from '../helpers/pdf.js'

const LETTER =
  '---\ntitle: "R&D <Lead> role"\nsubject: Application & interview\nkeywords: [a&b]\nfrom: Kim Lee\n---\n\nDear Sam,\n\nThank you.\n\nSincerely,\nKim Lee\n'
const FIXED = { sourceDateEpoch: 1_700_000_000, fontDirs: [] as string[] }
const raw = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1')
const xmp = (pdf: Uint8Array) => /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(raw(pdf))?.[0] ?? ''

describe('PDF/A-2a (tagged)', () => {
  test('is claimed by default: PDF 1.7, XMP with part 2 and conformance A, an sRGB output intent, marked', async () => {
    const { pdf } = await renderLetter(LETTER, FIXED)
    const text = raw(pdf)
    expect(text.startsWith('%PDF-1.7')).toBe(true)
    expect(xmp(pdf)).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/)
    expect(text).toMatch(/\/MarkInfo \d+ 0 R/)
    expect(text).toMatch(/\/Marked true/)
    expect(text).toMatch(/\/StructTreeRoot \d+ 0 R/)
    expect(text).toMatch(/\/OutputIntents \[\d+ 0 R\]/)
    expect(text).toMatch(/\/S \/GTS_PDFA1/)
    expect(text).toMatch(/\/DestOutputProfile \d+ 0 R/)
    expect(text).toMatch(/\/OutputConditionIdentifier \(sRGB IEC61966-2\.1\)/)
    expect(text).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/)
    expect(text).not.toMatch(/\/Encrypt/)
    const facts = await readPdf(pdf)
    for (const font of facts.fonts) expect(font, font.name).toMatchObject({ embedded: true })
  })

  test('the XMP repeats the document info, escaped as XML, and nothing the info has is missing from it', async () => {
    const { pdf } = await renderLetter(LETTER, FIXED)
    const meta = xmp(pdf)
    expect(meta).toContain('<rdf:li xml:lang="x-default">R&amp;D &lt;Lead&gt; role</rdf:li>')
    expect(meta).toContain('<rdf:li>Kim Lee</rdf:li>')
    expect(meta).toContain('Application &amp; interview')
    expect(meta).toContain('<pdf:Keywords>a&amp;b</pdf:Keywords>')
    expect(meta).toContain('<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>')
    // Every element opened is closed: no raw "<" or "&" from the values broke the XML.
    const open = [...meta.matchAll(/<([a-zA-Z:]+)[\s>]/g)].map((m) => m[1]).filter((n) => n !== 'x:xmpmeta')
    const close = [...meta.matchAll(/<\/([a-zA-Z:]+)>/g)].map((m) => m[1]).filter((n) => n !== 'x:xmpmeta')
    expect(open.sort()).toEqual(close.sort())
    const info = (await readPdf(pdf)).info as Record<string, unknown>
    expect(info.Title).toBe('R&D <Lead> role')
    expect(info.Custom ?? {}).toEqual({})
  })

  test('pdfa: false (or --no-pdfa) leaves the claim out', async () => {
    const { pdf } = await renderLetter(LETTER.replace('from: Kim Lee', 'from: Kim Lee\npdfa: false'), FIXED)
    expect(raw(pdf)).not.toMatch(/pdfaid|OutputIntents/)
    const off = await renderLetter(LETTER, { ...FIXED, pdfa: false })
    expect(raw(off.pdf)).not.toMatch(/pdfaid/)
  })
})

describe('reproducible bytes', () => {
  test('two renders under SOURCE_DATE_EPOCH have the same sha256, and another epoch changes it', async () => {
    const sha = async (epoch: number) =>
      createHash('sha256')
        .update((await renderLetter(LETTER, { ...FIXED, sourceDateEpoch: epoch })).pdf)
        .digest('hex')
    const first = await sha(1_700_000_000)
    expect(await sha(1_700_000_000)).toBe(first)
    expect(await sha(1_700_000_001)).not.toBe(first)
  })
})

describe('small files', () => {
  test('every example letter and CV, fonts embedded, tagged and PDF/A, stays under 30 KB (a CV 32 KB), and 10 KB for each page after the first', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const dir = join(import.meta.dirname, '../../letters')
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const path = join(dir, name)
      const { pdf, pages, meta } = await renderLetter(readFileSync(path, 'utf8'), { ...FIXED, path })
      // A further page adds text and structure; the fonts are embedded once. A CV's page is denser (three faces, every line a run of its own).
      const first = meta.layout === 'cv' ? 32 : 30
      expect(pdf.byteLength, name).toBeLessThan((first + 10 * (pages - 1)) * 1024)
    }
  })
})
