// One-file applications: PDFs named by `attach:` (or the `attach` option) are appended after the letter.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, test } from 'vitest'
import { renderLetter, type RenderOptions } from '../../src/index.js'
import { enclosureName } from '../../src/parse/meta.js'
import { FIXED, frontMatter, rejection } from '../helpers/letters.js'
import { makeAnnotatedPdf, makePdf, STAMP_RECT } from '../helpers/make-pdf.js'
import { readPdf } from '../helpers/pdf.js'

const BODY = '# Application\n\nDear Sam,\n\nThe letter itself.\n\nSincerely,\nKim Lee\n'
const letter = (...lines: string[]) => frontMatter('from: Kim Lee', 'lang: en-US', ...lines) + BODY
const raw = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1')

/** A folder with the letter's attachments, and one beside it (outside the letter's folder). */
let root: string
let dir: string
beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'letterpress-attach-')))
  dir = join(root, 'letters')
  mkdirSync(dir)
  writeFileSync(
    join(dir, 'cv.pdf'),
    await makePdf(['Curriculum vitae page one', 'Curriculum vitae page two'], {
      title: 'Kim Lee CV',
      link: 'https://example.com/portfolio',
    }),
  )
  writeFileSync(join(dir, 'certificates.pdf'), await makePdf(['Certificate of merit']))
  writeFileSync(join(dir, 'locked.pdf'), await makePdf(['Secret'], { userPassword: 'secret' }))
  writeFileSync(join(dir, 'restricted.pdf'), await makePdf(['Restricted'], { ownerPassword: 'owner' }))
  writeFileSync(
    join(dir, 'linked.pdf'),
    await makePdf(['Linked page one', 'Linked page two'], {
      backLinks: true,
      link: 'https://example.com/',
      otherLink: 'javascript:alert(1)',
    }),
  )
  writeFileSync(join(dir, 'form.pdf'), await makePdf(['Form page'], { field: 'Filled in by pdfkit' }))
  writeFileSync(
    join(dir, 'annotated.pdf'),
    await makeAnnotatedPdf('Annotated page', { field: 'Filled in with pdf-lib', stamp: 'Stamped text', hidden: 'Hidden stamp' }),
  )
  writeFileSync(join(dir, 'notes.pdf'), 'These are plain-text notes, not a PDF.\n')
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nthe rest of this file was lost\n')
  // A real PDF whose cross-reference offset is wrong (pdf-lib reads objects without the table, so it copes).
  const cv = raw(await makePdf(['Repaired page']))
  writeFileSync(join(dir, 'repairable.pdf'), Buffer.from(cv.replace(/startxref\s+\d+/, 'startxref\n12'), 'latin1'))
  writeFileSync(join(dir, 'cut-off.pdf'), Buffer.from(cv.slice(0, cv.length / 2), 'latin1'))
  writeFileSync(join(root, 'outside.pdf'), await makePdf(['Outside the letter folder']))
  symlinkSync(join(root, 'outside.pdf'), join(dir, 'link-out.pdf'))
})

const render = (markdown: string, options: RenderOptions = {}) =>
  renderLetter(markdown, { ...FIXED, path: join(dir, 'letter.md'), ...options })

/** Every link of a PDF: its page (1-based) and its URL, or the page (1-based) it goes to. */
async function allLinks(bytes: Uint8Array): Promise<{ page: number; url?: string; to?: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise
  const links: { page: number; url?: string; to?: number }[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    for (const a of await (await doc.getPage(n)).getAnnotations()) {
      if (a.subtype !== 'Link') continue
      const dest = typeof a.dest === 'string' ? await doc.getDestination(a.dest) : a.dest
      links.push(a.url ? { page: n, url: a.url } : { page: n, to: Array.isArray(dest) ? (await doc.getPageIndex(dest[0])) + 1 : undefined })
    }
  }
  await doc.destroy()
  return links
}

describe('attach: PDFs appended after the letter', () => {
  test('every page of every attachment follows the letter, in order; pages counts them all', async () => {
    const result = await render(letter('attach: [cv.pdf, certificates.pdf]'))
    const pdf = await readPdf(result.pdf)
    expect(result.pages).toBe(4)
    expect(pdf.pages).toBe(4)
    expect(pdf.text[0]).toContain('The letter itself.')
    expect(pdf.text.slice(1).map((t) => t.trim())).toEqual([
      'Curriculum vitae page one\nMy portfolio',
      'Curriculum vitae page two',
      'Certificate of merit',
    ])
  })

  test("the PDF keeps the letter's own Title, Author and language, and its structure tree", async () => {
    const result = await render(letter('subject: Application for the role', 'attach: cv.pdf'))
    const pdf = await readPdf(result.pdf)
    expect(pdf.info.Title).toBe('Application for the role')
    expect(pdf.info.Author).toBe('Kim Lee')
    expect(pdf.lang).toBe('en-US')
    expect(result.title).toBe('Application for the role')
    expect(raw(result.pdf)).toMatch(/\/StructTreeRoot\s*\d+ 0 R/)
    expect(raw(result.pdf)).not.toMatch(/\/Encrypt/)
    // pdf-lib leaves the info dictionary alone: no Producer or dates of its own.
    expect(raw(result.pdf)).not.toContain('pdf-lib')
  })

  test('a link on an attached page still works', async () => {
    const pdf = await readPdf((await render(letter('attach: [cv.pdf]'))).pdf)
    expect(pdf.links).toContainEqual({ page: 2, url: 'https://example.com/portfolio' })
  })

  test("links to the attachment's own pages go to their copies; links other than web, mail and phone are left out, with a warning", async () => {
    const result = await render(letter('attach: [cv.pdf, linked.pdf]'))
    const links = (await allLinks(result.pdf)).filter((link) => link.page > 1)
    expect(links).toEqual([
      { page: 2, url: 'https://example.com/portfolio' },
      { page: 4, url: 'https://example.com/' },
      { page: 5, to: 4 },
      { page: 5, to: 4 },
    ])
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/^attachment "linked.pdf": 1 link left out/), line: 4, column: 18 }),
    )
    expect(raw(result.pdf)).not.toContain('javascript')
  })

  test('filled-in form fields and annotations become part of the page; hidden ones and the form itself are left out', async () => {
    const result = await render(letter('attach: [form.pdf, annotated.pdf]'))
    const pdf = await readPdf(result.pdf)
    expect(pdf.text[1]).toContain('Filled in by pdfkit')
    expect(pdf.text[2]).toContain('Filled in with pdf-lib')
    expect(pdf.text[2]).toContain('Stamped text')
    expect(pdf.text[2]).not.toContain('Hidden stamp')
    // Where the stamp's appearance puts it: 2 pt right of and 4 pt above its rectangle's corner, in 10 pt type.
    const stamp = pdf.items.find((item) => item.page === 3 && item.str.startsWith('Stamped'))!
    expect(stamp.x).toBeCloseTo(STAMP_RECT[0]! + 2, 1)
    expect(stamp.y).toBeCloseTo(842 - STAMP_RECT[1]! - 4 - 10, 1)
    expect(raw(result.pdf)).not.toMatch(/\/Widget|\/AcroForm|\/Stamp\b/)
  })

  test('without enclosures of its own, the letter lists the attachments by their own Title, else by file name', async () => {
    const result = await render(letter('attach: [cv.pdf, certificates.pdf]'))
    // cv.pdf has its own Title ("Kim Lee CV"); certificates.pdf has none.
    expect(result.meta.enclosures).toEqual(['Kim Lee CV', 'certificates'])
    expect((await readPdf(result.pdf)).text[0]).toContain('Enclosures: Kim Lee CV, certificates')
  })

  test("the letter's own enclosures are kept, and enclosures: [] lists none", async () => {
    const own = await readPdf((await render(letter('enclosures: [Curriculum vitae]', 'attach: [cv.pdf]'))).pdf)
    expect(own.text[0]).toContain('Enclosure: Curriculum vitae')
    const none = await readPdf((await render(letter('enclosures: []', 'attach: [cv.pdf]'))).pdf)
    expect(none.text[0]).not.toContain('Enclosure')
    expect(none.pages).toBe(3)
  })

  test('enclosure names are file names without .pdf', () => {
    expect(
      ['cv.pdf', 'docs/Kim Lee CV.PDF', '/abs/certificates.v2.pdf', 'C:\\docs\\cv.pdf', 'scan'].map((path) => enclosureName(path)),
    ).toEqual(['cv', 'Kim Lee CV', 'certificates.v2', 'cv', 'scan'])
  })

  test("a PDF's own Title names it when it names something; a file or program name, or none, gives the file name", () => {
    expect(enclosureName('cv.pdf', '  Curriculum  vitae ')).toBe('Curriculum vitae')
    for (const title of ['', '   ', 'Microsoft Word - cv_final2.docx', 'cv_final2.pdf', 'Untitled', 'untitled document', 'notes.txt']) {
      expect(enclosureName('docs/cv.pdf', title), title).toBe('cv')
    }
  })

  test('a letter with attachments claims no PDF/A (and says so when pdfa: true asks for it)', async () => {
    const plain = await render(letter())
    expect(raw(plain.pdf)).toContain('pdfaid:part')
    const attached = await render(letter('pdfa: true', 'attach: [cv.pdf]'))
    expect(attached.meta.pdfa).toBe(false)
    expect(raw(attached.pdf)).not.toContain('pdfaid:part')
    expect(attached.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('no PDF/A claim'), line: 4, column: 7 }),
    )
    expect((await render(letter('attach: [cv.pdf]'))).warnings.map((w) => w.message).join('\n')).not.toContain('PDF/A')
  })

  test('the attach option appends after the front matter, relative to the cwd and from any folder', async () => {
    const fromCwd = relative(process.cwd(), join(root, 'outside.pdf'))
    const result = await render(letter('attach: [certificates.pdf]'), { attach: [fromCwd, join(dir, 'cv.pdf')] })
    const pdf = await readPdf(result.pdf)
    expect(pdf.text.slice(1).map((t) => t.split('\n')[0]!.trim())).toEqual([
      'Certificate of merit',
      'Outside the letter folder',
      'Curriculum vitae page one',
      'Curriculum vitae page two',
    ])
    expect(result.meta.enclosures).toEqual(['certificates', 'outside', 'Kim Lee CV'])
  })

  test('the cwd option is the folder the attach option is relative to, and shows paths from', async () => {
    const result = await render(letter(), { cwd: root, attach: ['outside.pdf'] })
    expect((await readPdf(result.pdf)).text[1]).toContain('Outside the letter folder')
    const error = await rejection(render(letter(), { cwd: root, attach: [join(root, 'missing.pdf')] }))
    expect(error.message).toBe('attachment "missing.pdf" not found')
  })

  test('two renders with the same attachments are byte-identical (SOURCE_DATE_EPOCH)', async () => {
    const a = await render(letter('attach: [cv.pdf, certificates.pdf]'))
    const b = await render(letter('attach: [cv.pdf, certificates.pdf]'))
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true)
  })

  test('a PDF with a broken cross-reference table is attached, with a warning', async () => {
    const result = await render(letter('attach: [repairable.pdf]'))
    expect((await readPdf(result.pdf)).text[1]).toContain('Repaired page')
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(
          /^attachment "repairable.pdf" was damaged \(its cross-reference table is broken\) and has been repaired/,
        ),
        line: 4,
        column: 10,
      }),
    )
  })
})

describe('attachments that cannot be attached fail the letter, naming the file and its place', () => {
  const fails = async (attach: string, message: RegExp, column = 18) => {
    const error = await rejection(render(letter(`attach: [cv.pdf, "${attach}"]`)))
    expect(error.name).toBe('LetterError')
    expect(error.message).toMatch(message)
    expect(error).toMatchObject({ line: 4, column })
  }

  test('an encrypted PDF', () => fails('locked.pdf', /^attachment "locked.pdf" is encrypted; attach an unencrypted copy$/))
  test('an encrypted PDF that opens without a password (owner password only)', () =>
    fails('restricted.pdf', /^attachment "restricted.pdf" is encrypted; attach an unencrypted copy$/))
  test('a file that is not a PDF', () => fails('notes.pdf', /^attachment "notes.pdf" is not a PDF file$/))
  test('a damaged PDF', () => fails('broken.pdf', /^attachment "broken.pdf" is damaged and could not be read/))
  test('a PDF cut off halfway', () => fails('cut-off.pdf', /^attachment "cut-off.pdf" is damaged and could not be read/))
  test('a missing file', () => fails('missing.pdf', /^attachment "missing.pdf" not found$/))
  test('a file outside the letter folder', () =>
    fails('../outside.pdf', /^attachment "..\/outside.pdf" is outside the letter's folder and was not read/))
  test('a symlink out of the letter folder', () => fails('link-out.pdf', /^attachment "link-out.pdf" is outside the letter's folder/))
  test('a URL', () => fails('https://example.com/cv.pdf', /^attachment "https:\/\/example.com\/cv.pdf" is not a local file/))

  test('a single string names its own place', async () => {
    const error = await rejection(render(letter('attach: missing.pdf')))
    expect(error).toMatchObject({ message: 'attachment "missing.pdf" not found', line: 4, column: 9 })
  })

  test('a folder given with allowPaths may be read from', async () => {
    const result = await render(letter('attach: [../outside.pdf]'), { allowPaths: [root] })
    expect(result.pages).toBe(2)
  })

  test('an encrypted PDF given by the caller is refused too', async () => {
    const error = await rejection(render(letter(), { attach: [join(dir, 'locked.pdf')] }))
    expect(error.message).toMatch(/^attachment ".*locked.pdf" is encrypted/)
    expect(error).toMatchObject({ line: null, column: null })
  })
})
