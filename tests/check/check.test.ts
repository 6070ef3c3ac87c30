import PDFDocument from 'pdfkit'
import { describe, expect, test } from 'vitest'
import { checkPdf } from '../../src/check/index.js'
import { compareWords, sourceWords, wordsOf } from '../../src/check/words.js'

type Doc = NodeJS.ReadableStream & { font(n: string): Doc; text(t: string, o?: object): Doc; addPage(o?: object): Doc; end(): void }

/** A PDF as a careless writer makes it: the built-in Helvetica, no metadata, a page size of its own. */
async function carelessPdf(lines: string[], size: [number, number] = [595.28, 841.89]): Promise<Uint8Array> {
  const doc = new (PDFDocument as unknown as new (o: object) => Doc)({ size, compress: false })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise((r) => doc.on('end', r))
  doc.font('Helvetica')
  for (const line of lines) doc.text(line)
  doc.end()
  await done
  return new Uint8Array(Buffer.concat(chunks))
}

describe('check', () => {
  test('names glued, split and missing words, the non-embedded font, missing metadata and an odd page size', async () => {
    const source = '# Cover Letter\n\nDear Goodfire Team,\n\nYour mission resonates. I developed tools.\n\nSincerely,\nHan Xiao\n'
    const pdf = await carelessPdf(
      ['Cover Letter', 'Dear Goodfire Team,', 'Your mission resonates.I devel-', 'oped tools.', 'Sincerely,'],
      [500, 500],
    )
    const report = await checkPdf(pdf, { source })
    expect(report.ok).toBe(false)
    expect(report.wordProblems).toEqual([
      { word: 'resonates', kind: 'glued', found: 'resonates.i' },
      { word: 'developed', kind: 'split', found: 'devel-oped' },
      { word: 'han', kind: 'missing' },
      { word: 'xiao', kind: 'missing' },
    ])
    expect(report.words).toMatchObject({ expected: sourceWords(source).length })
    expect(report.fontsNotEmbedded).toEqual(['Helvetica'])
    expect(report.metadataMissing).toEqual(['Title', 'Author', 'Lang'])
    expect(report.pageProblems).toEqual(['page 1 is 500 × 500 pt, neither A4 nor Letter'])
  })

  test('without a source it still checks fonts, metadata and pages', async () => {
    const report = await checkPdf(await carelessPdf(['Hello']))
    expect(report.words).toBeNull()
    expect(report.fontsNotEmbedded).toEqual(['Helvetica'])
    expect(report.pageProblems).toEqual([])
  })

  test('source words are those the letter sets, in its order: no front matter, link targets, HTML or image alt', () => {
    const words = sourceWords(
      '---\nsubject: Not a body word\n---\n\nSee [the docs](https://x.org "t") <b>x</b>.\n\n![alt text](a.png)\n\n- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n',
    )
    expect(words).toEqual(['see', 'the', 'docs', 'x', 'one', 'two', 'a', 'b', 'c', 'd'])
  })

  test('endnotes come after the body, in the order they are cited, and marks are their numbers', () => {
    expect(sourceWords('First[^b] and then[^a].\n\n[^a]: Note A.\n[^b]: Note B.\n')).toEqual([
      'first1',
      'and',
      'then2',
      'note',
      'b',
      'note',
      'a',
    ])
  })

  test('curly quotes and dashes in the PDF match straight ones in the source', () => {
    expect(wordsOf('“Quoted” — it’s')).toEqual(wordsOf('"Quoted" - it\'s'))
    expect(compareWords(["it's", 'fine'], 'it’s fine').problems).toEqual([])
  })
})
