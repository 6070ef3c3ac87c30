// One-file applications (issue 8): PDFs named by `attach:` (or the `attach` option) are appended after the letter.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { renderLetter, type RenderOptions } from '../../src/index.js'
import { enclosureName } from '../../src/parse/meta.js'
import { FIXED, frontMatter, rejection } from '../helpers/letters.js'
import { makePdf } from '../helpers/make-pdf.js'
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
  writeFileSync(join(dir, 'cv.pdf'), await makePdf(['Curriculum vitae page one', 'Curriculum vitae page two'], { title: 'Kim Lee CV', link: 'https://example.com/portfolio' }))
  writeFileSync(join(dir, 'certificates.pdf'), await makePdf(['Certificate of merit']))
  writeFileSync(join(dir, 'locked.pdf'), await makePdf(['Secret'], { userPassword: 'secret' }))
  writeFileSync(join(dir, 'notes.pdf'), 'These are plain-text notes, not a PDF.\n')
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nthe rest of this file was lost\n')
  // A real PDF whose cross-reference offset is wrong: MuPDF repairs it.
  const cv = raw(await makePdf(['Repaired page']))
  writeFileSync(join(dir, 'repairable.pdf'), Buffer.from(cv.replace(/startxref\s+\d+/, 'startxref\n12'), 'latin1'))
  writeFileSync(join(root, 'outside.pdf'), await makePdf(['Outside the letter folder']))
  symlinkSync(join(root, 'outside.pdf'), join(dir, 'link-out.pdf'))
})

const render = (markdown: string, options: RenderOptions = {}) => renderLetter(markdown, { ...FIXED, path: join(dir, 'letter.md'), ...options })

describe('attach: PDFs appended after the letter', () => {
  test('every page of every attachment follows the letter, in order; pages counts them all', async () => {
    const result = await render(letter('attach: [cv.pdf, certificates.pdf]'))
    const pdf = await readPdf(result.pdf)
    expect(result.pages).toBe(4)
    expect(pdf.pages).toBe(4)
    expect(pdf.text[0]).toContain('The letter itself.')
    expect(pdf.text.slice(1).map((t) => t.trim())).toEqual(['Curriculum vitae page one\nMy portfolio', 'Curriculum vitae page two', 'Certificate of merit'])
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
  })

  test('a link on an attached page still works', async () => {
    const pdf = await readPdf((await render(letter('attach: [cv.pdf]'))).pdf)
    expect(pdf.links).toContainEqual({ page: 2, url: 'https://example.com/portfolio' })
  })

  test('without enclosures of its own, the letter lists the attachments by file name', async () => {
    const result = await render(letter('attach: [cv.pdf, certificates.pdf]'))
    expect(result.meta.enclosures).toEqual(['cv', 'certificates'])
    expect((await readPdf(result.pdf)).text[0]).toContain('Enclosures: cv, certificates')
  })

  test("the letter's own enclosures are kept, and enclosures: [] lists none", async () => {
    const own = await readPdf((await render(letter('enclosures: [Curriculum vitae]', 'attach: [cv.pdf]'))).pdf)
    expect(own.text[0]).toContain('Enclosure: Curriculum vitae')
    const none = await readPdf((await render(letter('enclosures: []', 'attach: [cv.pdf]'))).pdf)
    expect(none.text[0]).not.toContain('Enclosure')
    expect(none.pages).toBe(3)
  })

  test('enclosure names are file names without .pdf', () => {
    expect(['cv.pdf', 'docs/Kim Lee CV.PDF', '/abs/certificates.v2.pdf', 'C:\\docs\\cv.pdf', 'scan'].map(enclosureName)).toEqual(['cv', 'Kim Lee CV', 'certificates.v2', 'cv', 'scan'])
  })

  test('a letter with attachments claims no PDF/A (and says so when pdfa: true asks for it)', async () => {
    const plain = await render(letter())
    expect(raw(plain.pdf)).toContain('pdfaid:part')
    const attached = await render(letter('pdfa: true', 'attach: [cv.pdf]'))
    expect(attached.meta.pdfa).toBe(false)
    expect(raw(attached.pdf)).not.toContain('pdfaid:part')
    expect(attached.warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('no PDF/A claim'), line: 4, column: 7 }))
    expect((await render(letter('attach: [cv.pdf]'))).warnings.map((w) => w.message).join('\n')).not.toContain('PDF/A')
  })

  test('the attach option appends after the front matter, relative to the cwd and from any folder', async () => {
    const fromCwd = relative(process.cwd(), join(root, 'outside.pdf'))
    const result = await render(letter('attach: [certificates.pdf]'), { attach: [fromCwd, join(dir, 'cv.pdf')] })
    const pdf = await readPdf(result.pdf)
    expect(pdf.text.slice(1).map((t) => t.split('\n')[0]!.trim())).toEqual(['Certificate of merit', 'Outside the letter folder', 'Curriculum vitae page one', 'Curriculum vitae page two'])
    expect(result.meta.enclosures).toEqual(['certificates', 'outside', 'cv'])
  })

  test('two renders with the same attachments are byte-identical (SOURCE_DATE_EPOCH)', async () => {
    const a = await render(letter('attach: [cv.pdf, certificates.pdf]'))
    const b = await render(letter('attach: [cv.pdf, certificates.pdf]'))
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true)
  })

  test('a damaged PDF that MuPDF can repair is attached, with a warning', async () => {
    const result = await render(letter('attach: [repairable.pdf]'))
    expect((await readPdf(result.pdf)).text[1]).toContain('Repaired page')
    expect(result.warnings).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^attachment "repairable.pdf" was damaged.*repaired/), line: 4, column: 10 }))
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
  test('a file that is not a PDF', () => fails('notes.pdf', /^attachment "notes.pdf" is not a PDF file$/))
  test('a damaged PDF', () => fails('broken.pdf', /^attachment "broken.pdf" is damaged and could not be read/))
  test('a missing file', () => fails('missing.pdf', /^attachment "missing.pdf" not found$/))
  test('a file outside the letter folder', () => fails('../outside.pdf', /^attachment "..\/outside.pdf" is outside the letter's folder and was not read/))
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
