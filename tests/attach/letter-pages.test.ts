// The record of the letter's own pages: written by attaching, read back by `letterpress check`.
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { attachJob } from '../../src/attach/job.js'
import { LETTER_PAGES_KEY, letterPages, recordLetterPages } from '../../src/attach/letter-pages.js'

describe('the letter-pages record', () => {
  test('recordLetterPages writes the page count into the Info dictionary, making one when there is none', async () => {
    const out = await PDFDocument.create({ updateMetadata: false })
    out.addPage()
    out.addPage()
    delete out.context.trailerInfo.Info
    recordLetterPages(await attachJob('letter.md', []), out)
    const info = out.context.lookup(out.context.trailerInfo.Info, PDFDict)
    expect(info.get(PDFName.of(LETTER_PAGES_KEY))).toEqual(PDFNumber.of(2))
  })

  test('an existing Info dictionary keeps its entries', async () => {
    const out = await PDFDocument.create({ updateMetadata: false })
    out.addPage()
    out.setTitle('The letter')
    recordLetterPages(await attachJob('letter.md', []), out)
    expect(out.getTitle()).toBe('The letter')
    expect(out.context.lookup(out.context.trailerInfo.Info, PDFDict).get(PDFName.of(LETTER_PAGES_KEY))).toEqual(PDFNumber.of(1))
  })

  test('letterPages reads back a usable count only', () => {
    expect(letterPages({ [LETTER_PAGES_KEY]: 2 }, 5)).toBe(2)
    for (const value of [0, 6, 1.5, '2', undefined]) expect(letterPages({ [LETTER_PAGES_KEY]: value }, 5), String(value)).toBeUndefined()
    expect(letterPages(undefined, 5)).toBeUndefined()
  })
})
