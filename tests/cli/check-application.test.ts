// --check and `letterpress check` on a one-file application: every part of letterpress's own is read back on
// its own pages against its own words; an attached PDF's fonts are its author's.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { describe, expect, test } from 'vitest'
import { checkPdf } from '../../src/check/index.js'
import { sourceWords } from '../../src/check/words.js'
import { letterpress, project } from '../helpers/cli.js'

const CV = '---\nlayout: cv\n---\n## Skills\n- Languages: 中文 (native), Portuguese\n'
const GOOD_CV = '---\nlayout: cv\n---\n## Skills\n- Languages: Swedish (native), Portuguese\n'
const LETTER = (attach: string) => `---\nfrom: Li Wei\nattach: [${attach}]\n---\nDear Z,\n\nHi.\n\nBest regards,\nLi Wei\n`

type Doc = NodeJS.ReadableStream & { font(n: string): Doc; text(t: string): Doc; end(): void }

/** A PDF as many writers make it: the built-in Helvetica, not embedded. */
async function helveticaPdf(line: string): Promise<Uint8Array> {
  const doc = new (PDFDocument as unknown as new (o: object) => Doc)({ size: 'A4' })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise((r) => doc.on('end', r))
  doc.font('Helvetica').text(line)
  doc.end()
  await done
  return new Uint8Array(Buffer.concat(chunks))
}

describe('checking a one-file application', () => {
  test('--check reads an attached CV back against its own words and names it when a word is lost', () => {
    const dir = project({ 'l.md': LETTER('cv.md'), 'cv.md': CV })
    const r = letterpress(dir, ['l.md', '--check'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('l.md error check failed: cv.md: missing word "中文"; not written')
    expect(existsSync(join(dir, 'output/l.pdf'))).toBe(false)
  })

  test('the JSON report counts the words of every part, the letter first', () => {
    const dir = project({ 'l.md': LETTER('cv.md'), 'cv.md': GOOD_CV })
    const r = letterpress(dir, ['l.md', '--check', '--json'])
    expect(r.code, r.stdout).toBe(0)
    const expected = sourceWords(LETTER('cv.md')).length + sourceWords(GOOD_CV).length
    expect(JSON.parse(r.stdout).letters[0].check.words).toMatchObject({ expected, matched: expected })
  })

  test('attached PDFs without embedded fonts pass --check; `check` notes each file once', async () => {
    const dir = project({ 'l.md': LETTER('cv.md, a.pdf, b.pdf'), 'cv.md': GOOD_CV })
    writeFileSync(join(dir, 'a.pdf'), await helveticaPdf('Certificate A'))
    writeFileSync(join(dir, 'b.pdf'), await helveticaPdf('Certificate B'))
    const r = letterpress(dir, ['l.md', '--check'])
    expect(r.code, r.stderr).toBe(0)
    const check = letterpress(dir, ['check', 'output/l.pdf', '--source', 'l.md'])
    expect(check.code, check.stdout).toBe(0)
    // The letter's pages only (as the PDF records them) against the letter's words.
    const letterWords = sourceWords(LETTER('')).length
    expect(check.stdout).toContain(`${letterWords}/${letterWords} words in order`)
    expect(check.stdout.match(/note: fonts not embedded in the pages attached after the letter: Helvetica\b/g)).toHaveLength(1)
    expect(check.stdout).not.toContain('font not embedded')
  })

  test("each attached PDF's fonts are listed once under its file; the letter's own still fail", async () => {
    const [letter, a, b] = [await helveticaPdf('Dear Sam'), await helveticaPdf('A'), await helveticaPdf('B')]
    // One file of three pages: a careless letter, then two attached PDFs.
    const { PDFDocument: Lib } = await import('pdf-lib')
    const out = await Lib.load(letter)
    for (const bytes of [a, b]) {
      const source = await Lib.load(bytes)
      for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page)
    }
    const pdf = await out.save({ useObjectStreams: false })
    const parts = [
      { file: 'l.md', pages: 1, source: 'Dear Sam\n', hyphenate: false },
      { file: 'a.pdf', pages: 1 },
      { file: 'b.pdf', pages: 1 },
    ]
    const report = await checkPdf(pdf, { parts })
    expect(report.fontsNotEmbedded).toEqual(['Helvetica'])
    expect(report.attachedFonts).toEqual([
      { file: 'a.pdf', fonts: ['Helvetica'] },
      { file: 'b.pdf', fonts: ['Helvetica'] },
    ])
  })
})
