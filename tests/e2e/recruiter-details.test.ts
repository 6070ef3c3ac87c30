// Small things a reader sees: the running header on page 2, the subject's typography, French guillemets,
// the enclosure line made from attachments, and the modern theme's band when the letter has no sender.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as mupdf from 'mupdf'
import { beforeAll, describe, expect, test } from 'vitest'
import { frontMatter, para, render } from '../helpers/letters.js'
import { makePdf } from '../helpers/make-pdf.js'
import { rasterise } from '../helpers/raster.js'

const NNBSP = '\u202f'

// The attachments are made first: pdfkit's own text() cannot run on fonts a render has shaped with in this process.
const dir = mkdtempSync(join(tmpdir(), 'letterpress-enclosure-'))
beforeAll(async () => {
  writeFileSync(join(dir, 'cv.pdf'), await makePdf(['CV'], { title: 'Curriculum vitae – Kai Berg' }))
  writeFileSync(join(dir, 'references.pdf'), await makePdf(['References']))
  writeFileSync(join(dir, 'scan.pdf'), await makePdf(['Scan'], { title: 'Microsoft Word - scan_final2.docx' }))
})

/** The characters of page 1 as MuPDF reads them (it keeps U+202F, which pdf.js and poppler give as a space), with their x. */
function charsOf(pdf: Uint8Array): { c: string; x: number }[] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  const chars: { c: string; x: number }[] = []
  doc
    .loadPage(0)
    .toStructuredText('preserve-whitespace')
    .walk({ onChar: (c: string, origin: [number, number]) => void chars.push({ c, x: origin[0] }) })
  doc.destroy()
  return chars
}
/** A letter long enough for a second page. */
const long = (head: string) =>
  `${head}Dear Sam,\n\n${Array.from({ length: 14 }, (_, k) => para(k, 60)).join('\n\n')}\n\nBest regards,\nKai Berg\n`
/** The running header's line on page 2: the text above the body, at the top of the page. */
const header = (items: { page: number; str: string; y: number }[]) =>
  items
    .filter((i) => i.page === 2 && i.y < 40 && i.str.trim())
    .map((i) => i.str)
    .join(' ')

describe('the running header on page 2', () => {
  test('without a title, subject or heading it names the recipient, never the file name', async () => {
    const md = long(frontMatter('from:', '  name: Kai Berg', 'to:', '  name: Dr. Mia Wong'))
    const { result, pdf } = await render(md, { path: 'letters/o13.md' })
    expect(result.pages).toBeGreaterThanOrEqual(2)
    expect(header(pdf.items)).toContain('Kai Berg · Dr. Mia Wong')
    expect(header(pdf.items)).not.toContain('o13')
    // The document's own Title still needs some name: the file's, as before.
    expect(pdf.info.Title).toBe('o13')
  })

  test('without a recipient either it names only the writer; with a subject it names the subject', async () => {
    const bare = await render(long(frontMatter('from:', '  name: Kai Berg')), { path: 'letters/o13.md' })
    expect(header(bare.pdf.items)).toMatch(/^Kai Berg\s/)
    expect(header(bare.pdf.items)).not.toContain('o13')
    const subject = await render(long(frontMatter('from:', '  name: Kai Berg', 'to:', '  name: Mia Wong', 'subject: Application')), {
      path: 'letters/o13.md',
    })
    expect(header(subject.pdf.items)).toContain('Kai Berg · Application')
  })
})

describe('the subject line', () => {
  test("gets the body's typography: curly quotes, dashes, the language's marks", async () => {
    const en = await render(
      frontMatter(`subject: 'Re: "Platform" role -- it''s open'`) + 'Dear Sam,\n\nThe "body" too.\n\nBest regards,\nKim\n',
    )
    expect(en.pdf.text[0]).toContain('Re: “Platform” role – it’s open')
    expect(en.pdf.text[0]).toContain('The “body” too.')
    expect(en.pdf.info.Subject).toBe('Re: “Platform” role – it’s open')
    const de = await render(
      frontMatter('lang: de-DE', `subject: 'Ihre Anzeige "Entwicklerin"'`) +
        'Sehr geehrte Frau Roth,\n\nText.\n\nMit freundlichen Grüßen\nKim\n',
    )
    expect(de.pdf.text[0]).toContain('Ihre Anzeige „Entwicklerin“')
  })
})

describe('French guillemets', () => {
  test('get narrow no-break spaces inside, in the body and the subject; a space written there is replaced', async () => {
    const md =
      frontMatter('lang: fr-FR', `subject: 'Poste "ingénieure"'`) +
      'Madame,\n\nJ\'aime les "systèmes" et les « réseaux ».\n\nCordialement,\nKim\n'
    const { result } = await render(md)
    const chars = charsOf(result.pdf)
    const text = chars.map((c) => c.c).join('')
    expect(text).toContain(`«${NNBSP}systèmes${NNBSP}»`)
    expect(text).toContain(`«${NNBSP}réseaux${NNBSP}»`)
    expect(text).toContain(`Poste «${NNBSP}ingénieure${NNBSP}»`)
    // The space is drawn: « stands apart from the word by a narrow space, narrower than a word space.
    const at = text.indexOf(`«${NNBSP}systèmes`)
    const narrow = chars[at + 2]!.x - chars[at + 1]!.x
    const word = chars[at]!.x - chars[at - 1]!.x
    expect(narrow).toBeGreaterThan(1)
    expect(narrow).toBeLessThan(chars[at - 1]!.c === ' ' ? word : Infinity)
  })

  test('English and German quotes get no such space', async () => {
    const { pdf } = await render(
      frontMatter('lang: de-DE') + 'Sehr geehrte Frau Roth,\n\nIch mag "Systeme".\n\nMit freundlichen Grüßen\nKim\n',
    )
    expect(pdf.text[0]).toContain('„Systeme“')
    expect(
      charsOf(
        (await render(frontMatter('lang: de-DE') + 'Sehr geehrte Frau Roth,\n\nIch mag "Systeme".\n\nMit freundlichen Grüßen\nKim\n'))
          .result.pdf,
      ).some((c) => c.c === NNBSP),
    ).toBe(false)
  })
})

describe('the enclosure line made from attachments', () => {
  test('names an attached PDF by its own Title, and by file name when it has none or only a file name for one', async () => {
    const md = frontMatter('attach: [cv.pdf, references.pdf, scan.pdf]') + 'Dear Sam,\n\nText.\n\nBest regards,\nKai Berg\n'
    const { pdf } = await render(md, { path: join(dir, 'a.md') })
    expect(pdf.text[0]).toContain('Enclosures: Curriculum vitae – Kai Berg, references, scan')
  })
})

describe("the modern theme's accent band", () => {
  /** How much of the top 5 mm of page 1 is the band's colour (#0b6e69), at 72 dpi. */
  const bandShare = (pdf: Uint8Array) => {
    const { width, rgba } = rasterise(pdf, 0, 72)
    let hits = 0
    const rows = 12
    for (let y = 1; y < rows; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4
        if (Math.abs(rgba[i]! - 0x0b) < 20 && Math.abs(rgba[i + 1]! - 0x6e) < 20 && Math.abs(rgba[i + 2]! - 0x69) < 20) hits++
      }
    }
    return hits / (width * (rows - 1))
  }

  test('is drawn across the top of the first page with or without a sender', async () => {
    const body = 'Dear Sam,\n\nText.\n\nBest regards,\nKai Berg\n'
    const withFrom = await render(frontMatter('theme: modern', 'from:', '  name: Kai Berg') + body)
    const without = await render(frontMatter('theme: modern') + body)
    expect(bandShare(withFrom.result.pdf)).toBeGreaterThan(0.95)
    expect(bandShare(without.result.pdf)).toBeGreaterThan(0.95)
    // And only on the first page.
    const two = await render(frontMatter('theme: modern') + long(''))
    expect(two.result.pages).toBeGreaterThanOrEqual(2)
    const { width, rgba } = rasterise(two.result.pdf, 1, 72)
    expect([...rgba.subarray(4 * width * 5, 4 * width * 6)].every((v) => v > 240)).toBe(true)
  })
})
