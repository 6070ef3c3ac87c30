// The record of the letter's own pages: written with the document info of a letter with attachments, read back by `letterpress check`.
import { describe, expect, test } from 'vitest'
import { LETTER_PAGES_KEY, letterPages } from '../../src/attach/letter-pages.js'

describe('the letter-pages record', () => {
  test('letterPages reads back a usable count only', () => {
    expect(letterPages({ [LETTER_PAGES_KEY]: 2 }, 5)).toBe(2)
    for (const value of [0, 6, 1.5, '2', undefined]) expect(letterPages({ [LETTER_PAGES_KEY]: value }, 5), String(value)).toBeUndefined()
    expect(letterPages(undefined, 5)).toBeUndefined()
  })
})
