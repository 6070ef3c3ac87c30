// One-file applications with Markdown parts: an attached .md is rendered inside the same render, in the letter's
// look unless its own front matter says otherwise, appended in order; every part has an outline entry, and a
// file of letterpress's own parts only stays tagged (one structure tree, a Part each) and PDF/A.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, test } from 'vitest'
import { renderLetter, type RenderOptions } from '../../src/index.js'
import { FIXED, frontMatter, para, rejection } from '../helpers/letters.js'
import { realPng } from '../helpers/images.js'
import { makePdf } from '../helpers/make-pdf.js'
import { readPdf } from '../helpers/pdf.js'

const BODY = '# Application for the role\n\nDear Sam,\n\nThe letter itself.\n\nSincerely,\nKim Lee\n'
const letter = (...lines: string[]) => frontMatter('from: Kim Lee', 'lang: en-US', ...lines) + BODY
const CV = frontMatter('title: Curriculum Vitae') + '## Experience\n\nResearch engineer at Northwind.\n\n![portrait](photo.png)\n'
const CV_BODY = '## Experience\n\n### Research Engineer, Northwind Labs\n\n2023 – present · Stockholm\n\n- Built interpretability tooling\n'
const raw = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1')

let root: string
let dir: string
beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'letterpress-parts-')))
  dir = join(root, 'letters')
  mkdirSync(join(dir, 'parts'), { recursive: true })
  writeFileSync(join(dir, 'parts/cv.md'), CV)
  writeFileSync(join(dir, 'parts/photo.png'), realPng(40, 40))
  writeFileSync(join(dir, 'notes.md'), '# Further notes\n\nReferences on request.\n')
  writeFileSync(join(dir, 'untitled.md'), 'Only a paragraph, no heading.\n')
  // Made before any render: letterpress's font patches are installed by then.
  writeFileSync(join(dir, 'certificates.pdf'), await makePdf(['Certificate of merit'], { title: 'Certificates' }))
  writeFileSync(join(dir, 'plain.pdf'), await makePdf(['Plain page one', 'Plain page two']))
  writeFileSync(join(dir, 'long.md'), frontMatter('max-pages: 1') + Array.from({ length: 12 }, (_, i) => para(i, 40)).join('\n\n'))
  writeFileSync(join(dir, 'two-pages.md'), '# Publications\n\n' + Array.from({ length: 12 }, (_, i) => para(i, 40)).join('\n\n'))
  writeFileSync(join(dir, 'broken.md'), '---\ntitle: CV\nmax-pages: two\n---\n\nText.\n')
  writeFileSync(join(dir, 'a4.md'), frontMatter('paper: A4', 'title: On A4') + 'An A4 page.\n')
  writeFileSync(join(root, 'outside.md'), '# Outside\n\nNot in the letter folder.\n')
  writeFileSync(join(dir, 'nested.md'), '---\nattach: [notes.md]\n---\n\nText.\n')
  writeFileSync(join(dir, 'cv-layout.md'), frontMatter('layout: cv') + CV_BODY)
  writeFileSync(join(dir, 'resume.json'), readFileSync(join(import.meta.dirname, '../fixtures/resume/resume.json')))
  writeFileSync(
    join(dir, 'broken-resume.json'),
    '{\n  "basics": { "name": "Kim Lee" },\n  "work": [{ "name": "Acme", "startDate": "last year" }]\n}\n',
  )
})

const render = (markdown: string, options: RenderOptions = {}) =>
  renderLetter(markdown, { ...FIXED, path: join(dir, 'letter.md'), cwd: root, ...options })

/** The outline's entries as pdf.js reads them: title and target page (1-based); and the page mode. */
async function outline(pdf: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
  const entries: { title: string; page: number }[] = []
  for (const item of (await doc.getOutline()) ?? []) {
    const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest
    entries.push({ title: item.title, page: (await doc.getPageIndex(dest![0] as { num: number; gen: number })) + 1 })
  }
  const mode = await doc.getPageMode()
  await doc.destroy()
  return { entries, mode, hasOutline: entries.length > 0 }
}

type StructNode = { role: string; title?: string; text: string[]; children: StructNode[] }

/** The structure tree from the StructTreeRoot down (pdf-lib), each element with its /T and the text of its marked content (pdf.js). */
async function structureTree(pdf: Uint8Array): Promise<StructNode[]> {
  const text = await markedText(pdf)
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]))
  const str = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined)
  const walk = (dict: PDFDict, page?: number): StructNode => {
    const pg = dict.get(PDFName.of('Pg'))
    const on = pg instanceof PDFRef ? pageIndex.get(pg.toString()) : page
    const kids = dict.lookup(PDFName.of('K'))
    const list = kids instanceof PDFArray ? kids.asArray().map((_, i) => kids.lookup(i)) : kids === undefined ? [] : [kids]
    const node: StructNode = {
      role: String(dict.lookup(PDFName.of('S'))).slice(1),
      title: str(dict.lookup(PDFName.of('T'))),
      text: [],
      children: [],
    }
    for (const kid of list) {
      if (kid instanceof PDFDict && kid.has(PDFName.of('S'))) node.children.push(walk(kid, on))
      else if (typeof (kid as { asNumber?: () => number })?.asNumber === 'function' && on !== undefined)
        node.text.push(text.get(`${on}:${(kid as unknown as { asNumber(): number }).asNumber()}`) ?? '')
    }
    return node
  }
  const rootDict = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  const k = rootDict.lookup(PDFName.of('K'))
  const tops = k instanceof PDFArray ? k.asArray().map((_, i) => k.lookup(i) as PDFDict) : [k as PDFDict]
  return tops.map((top) => walk(top))
}

/** The text of each marked-content sequence, by "page:mcid" (0-based page). */
async function markedText(pdf: Uint8Array): Promise<Map<string, string>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
  const out = new Map<string, string>()
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true })
    let current: string | null = null
    for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' && item.id) current = `${n - 1}:${/(\d+)$/.exec(item.id)![1]}`
      else if (item.type === 'endMarkedContent') current = null
      else if (current && item.str) out.set(current, (out.get(current) ?? '') + item.str)
    }
  }
  await doc.destroy()
  return out
}

/** Every element under `node` as "Role: text" in document order. */
const flat = (node: StructNode): string[] => [
  `${node.role}: ${node.text.join('').trim()}`.trim(),
  ...node.children.flatMap((child) => flat(child)),
]

describe('Markdown attachments', () => {
  test("are rendered after the letter in the order given: the letter's words, then each part's; the page counts", async () => {
    const result = await render(letter('attach: [parts/cv.md, notes.md]'))
    const pdf = await readPdf(result.pdf)
    expect(result.pages).toBe(3)
    expect(result.letterPages).toBe(1)
    expect(pdf.pages).toBe(3)
    // Page by page: the letter (which lists the parts under Enclosures), the CV, the notes.
    const pageOf = (text: string) => pdf.text.findIndex((page) => page.includes(text))
    expect(['The letter itself.', 'Research engineer at Northwind.', 'References on request.'].map(pageOf)).toEqual([0, 1, 2])
    expect(pdf.text[0]).not.toContain('Northwind')
    // Its image is relative to its own folder.
    expect(result.warnings.map((w) => w.message).join('\n')).not.toContain('not found')
    expect(result.inputs.map((read) => read.path)).toEqual(
      expect.arrayContaining([join(dir, 'parts/cv.md'), join(dir, 'parts/photo.png'), join(dir, 'notes.md')]),
    )
    // The letter lists them by their titles under Enclosures.
    expect(result.meta.enclosures).toEqual(['Curriculum Vitae', 'Further notes'])
    expect(pdf.text[0]).toContain('Enclosures: Curriculum Vitae, Further notes')
  })

  test("take the letter's paper and sender unless their own front matter says otherwise", async () => {
    const pdf = await readPdf((await render(letter('attach: [notes.md, a4.md]'))).pdf)
    expect(pdf.sizes).toEqual([
      [612, 792],
      [612, 792],
      [595, 842],
    ])
    expect(pdf.text[1]).toContain('Kim Lee')
  })

  test("a part keeps its own page numbers; --max-pages and --fit count the letter's pages, a part's own max-pages counts its own", async () => {
    const long = letter('attach: [two-pages.md]').replace(
      'The letter itself.',
      Array.from({ length: 9 }, (_, i) => para(i, 50)).join('\n\n'),
    )
    const fitted = await render(long, { maxPages: 1, fit: true })
    expect(fitted.letterPages).toBe(1)
    expect(fitted.pages).toBe(3)
    const pdf = await readPdf(fitted.pdf)
    expect(pdf.text[2]).toMatch(/Page 2 of 2/)
    expect(pdf.text.join('\n')).not.toMatch(/Page \d of 3/)
    // Without --fit the letter alone is held to --max-pages.
    expect((await render(letter('attach: [two-pages.md]'), { maxPages: 1 })).pages).toBe(3)
    const error = await rejection(render(letter('attach: [long.md]')))
    expect(error).toMatchObject({ name: 'LetterError', file: 'letters/long.md' })
    expect(error.message).toMatch(/runs to 2 pages; at most 1 allowed/)
  })

  test('a broken front matter in an attached file is an error at its own line and column, naming it', async () => {
    const error = await rejection(render(letter('attach: [broken.md]')))
    expect(error).toMatchObject({ name: 'LetterError', file: 'letters/broken.md', line: 3, column: 12 })
    expect(error.message).toMatch(/field "max-pages" must be/)
  })

  test("an attached file's warnings name it and its own lines; its own attachments are not appended", async () => {
    const result = await render(letter('attach: [nested.md]'))
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/own attachments are not appended/),
        file: 'letters/nested.md',
        line: 2,
        column: 9,
      }),
    )
    expect(result.pages).toBe(2)
  })

  test('an attached Markdown file outside the allowed folders is refused; the caller may attach one from anywhere', async () => {
    const error = await rejection(render(letter('attach: [../outside.md]')))
    expect(error).toMatchObject({ name: 'LetterError', line: 4, column: 10 })
    expect(error.message).toMatch(/^attachment "..\/outside.md" is outside the letter's folder/)
    const result = await render(letter(), { attach: [join(root, 'outside.md')] })
    expect((await readPdf(result.pdf)).text[1]).toContain('Not in the letter folder.')
  })
})

describe('the outline of a one-file application', () => {
  test('lists the letter and each part by title, at its first page; the viewer opens with it shown', async () => {
    const result = await render(letter('attach: [two-pages.md, notes.md, untitled.md]'))
    const { entries, mode } = await outline(result.pdf)
    expect(entries).toEqual([
      { title: 'Application for the role', page: 1 },
      { title: 'Publications', page: 2 },
      { title: 'Further notes', page: 4 },
      { title: 'untitled', page: 5 },
    ])
    expect(mode).toBe('UseOutlines')
  })

  test('attached PDFs go in their place, each listed by its own Title or file name, in page order with the Markdown parts', async () => {
    const result = await render(letter('attach: [certificates.pdf, notes.md, plain.pdf, parts/cv.md]'))
    const pdf = await readPdf(result.pdf)
    const pageOf = (text: string) => pdf.text.findIndex((page) => page.includes(text))
    expect(
      ['The letter itself.', 'Certificate of merit', 'References on request.', 'Plain page one', 'Plain page two', 'Research engineer'].map(
        pageOf,
      ),
    ).toEqual([0, 1, 2, 3, 4, 5])
    expect((await outline(result.pdf)).entries).toEqual([
      { title: 'Application for the role', page: 1 },
      { title: 'Certificates', page: 2 },
      { title: 'Further notes', page: 3 },
      { title: 'plain', page: 4 },
      { title: 'Curriculum Vitae', page: 6 },
    ])
    expect((await outline(result.pdf)).mode).toBe('UseOutlines')
  })

  test('a letter with attached PDFs only has one too', async () => {
    const result = await render(letter('attach: [plain.pdf, certificates.pdf]'))
    expect(await outline(result.pdf)).toMatchObject({
      entries: [
        { title: 'Application for the role', page: 1 },
        { title: 'plain', page: 2 },
        { title: 'Certificates', page: 4 },
      ],
      mode: 'UseOutlines',
    })
  })

  test('a letter without a title is "Letter" in it (in its language); a letter without attachments has no outline', async () => {
    const untitled = frontMatter('from: Kim Lee', 'attach: [notes.md]') + 'Dear Sam,\n\nHello.\n'
    expect((await outline((await render(untitled)).pdf)).entries[0]).toEqual({ title: 'Letter', page: 1 })
    const german = frontMatter('from: Kim Lee', 'lang: de-DE', 'attach: [notes.md]') + 'Sehr geehrte Frau Berg,\n\nHallo.\n'
    expect((await outline((await render(german)).pdf)).entries[0]).toEqual({ title: 'Anschreiben', page: 1 })
    const alone = await outline((await render(letter())).pdf)
    expect(alone.hasOutline).toBe(false)
    expect(alone.mode).not.toBe('UseOutlines')
  })
})

describe('tagged and PDF/A with Markdown parts', () => {
  test('one structure tree: a Document holding a Part for the letter and for each attached file, in order, each with its headings and paragraphs', async () => {
    const result = await render(letter('attach: [parts/cv.md, notes.md]'))
    const [document, ...others] = await structureTree(result.pdf)
    expect(others).toEqual([])
    expect(document!.role).toBe('Document')
    expect(document!.children.map((part) => [part.role, part.title])).toEqual([
      ['Part', 'Application for the role'],
      ['Part', 'Curriculum Vitae'],
      ['Part', 'Further notes'],
    ])
    const [own, cv, notes] = document!.children.map(flat)
    expect(own).toEqual(expect.arrayContaining(['H1: Application for the role', 'P: The letter itself.']))
    expect(cv).toEqual(expect.arrayContaining(['H2: Experience', 'P: Research engineer at Northwind.', 'Figure:']))
    expect(notes).toEqual(expect.arrayContaining(['H1: Further notes', 'P: References on request.']))
    expect(own!.join('\n')).not.toContain('Northwind')
  })

  test("is claimed PDF/A-2a when every part is letterpress's own, and not once a PDF is attached", async () => {
    const own = await render(letter('attach: [parts/cv.md]'))
    expect(own.meta.pdfa).toBe(true)
    expect(raw(own.pdf)).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/)
    expect(raw(own.pdf)).toMatch(/\/OutputIntents \[\d+ 0 R\]/)
    expect(raw(own.pdf)).toMatch(/\/StructTreeRoot \d+ 0 R/)
    for (const font of (await readPdf(own.pdf)).fonts) expect(font, font.name).toMatchObject({ embedded: true })
    expect(own.warnings.map((w) => w.message).join('\n')).not.toContain('PDF/A')
    const mixed = await render(letter('pdfa: true', 'attach: [parts/cv.md, certificates.pdf]'))
    expect(mixed.meta.pdfa).toBe(false)
    expect(raw(mixed.pdf)).not.toContain('pdfaid:part')
    expect(mixed.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/^no PDF\/A claim for a letter with attached PDFs/) }),
    )
  })

  test("the PDF records the letter's own pages, for `letterpress check`; two renders are byte-identical", async () => {
    const a = await render(letter('attach: [two-pages.md]'))
    expect(((await readPdf(a.pdf)).info as { Custom?: Record<string, unknown> }).Custom).toEqual({ LetterpressLetterPages: 1 })
    const b = await render(letter('attach: [two-pages.md]'))
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true)
  })
})

describe('a CV as a part: Markdown with layout: cv, or a JSON Resume', () => {
  test("is set as a CV under the letter's sender, listed by the CV's title, in the one tagged PDF/A file", async () => {
    const result = await render(letter('attach: [cv-layout.md, resume.json]'))
    const pdf = await readPdf(result.pdf)
    expect(result.pages).toBeGreaterThanOrEqual(result.letterPages + 2)
    // The Markdown CV: the letter's sender as its name, the entry line with its dates; no date line or salutation.
    const cv = pdf.text[result.letterPages]!
    expect(cv).toMatch(/^Kim Lee\b/)
    expect(cv).toContain('Research Engineer, Northwind Labs')
    expect(cv).toContain('2023 – present · Stockholm')
    // The JSON Resume: its own name and entries.
    expect(pdf.text.slice(result.letterPages + 1).join('\n')).toContain('Maren Okafor-Lund')
    expect((await outline(result.pdf)).entries).toEqual([
      { title: 'Application for the role', page: 1 },
      { title: 'Kim Lee – CV', page: result.letterPages + 1 },
      { title: 'Maren Okafor-Lund – CV', page: result.letterPages + 2 },
    ])
    expect(result.meta.pdfa).toBe(true)
    // Under the letter's signature, a CV is listed by the word for it, not by the name that stands right above.
    expect(result.meta.enclosures).toEqual(['CV', 'CV'])
    const [document] = await structureTree(result.pdf)
    expect(document!.children.map((part) => part.role)).toEqual(['Part', 'Part', 'Part'])
    expect(flat(document!.children[1]!)).toEqual(
      expect.arrayContaining(['H1: Kim Lee', 'H2: Experience', 'H3: Research Engineer, Northwind Labs 2023 – present · Stockholm']),
    )
  })

  test('a broken JSON Resume attached is an error at its own line and column, naming its JSON path', async () => {
    const error = await rejection(render(letter('attach: [broken-resume.json]')))
    expect(error).toMatchObject({ file: 'letters/broken-resume.json', line: 3, message: expect.stringContaining('work[0].startDate') })
  })
})
