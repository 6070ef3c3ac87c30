import { describe, expect, test } from 'vitest'
import { compareWords, readWords, wordsOf } from '../../src/check/words.js'

describe('words broken at line ends', () => {
  test('a URL broken over three lines joins into the one word of the source', () => {
    const url = 'https://example.org/a/very/long/path/to-some/file.html'
    const text = 'see https://example.org/a/\nvery/long/path/\nto-some/file.html today'
    expect(readWords(text, wordsOf(`see ${url} today`)).words).toEqual(wordsOf(`see ${url} today`))
  })

  test('a line that ends in a whole word is not joined to the next', () => {
    expect(readWords('visit https://x.org/\nnow', wordsOf('visit https://x.org/ now')).words).toEqual(['visit', 'https://x.org/', 'now'])
  })

  test("a word's own hyphen at a line end stays; a hyphenation split is accepted and counted only with hyphenate", () => {
    const expected = wordsOf('a well-known developed word')
    const text = 'a well-\nknown devel-\noped word'
    expect(compareWords(expected, text).problems).toEqual([{ word: 'developed', kind: 'split', found: 'devel-oped' }])
    expect(compareWords(expected, text, true)).toEqual({ matched: 4, hyphenated: 1, problems: [] })
  })

  test('a URL broken at a page break continues over the running header, drawn first or last', () => {
    const expected = wordsOf('see https://example.org/a/very/long/path today and developed')
    const pages = [
      'see https://example.org/a/',
      'very/long/path today and devel-\nKim Lee · Letter Page 2 of 3',
      'Kim Lee · Letter Page 3 of 3\noped',
    ]
    const { words, hyphenated } = readWords(pages, expected, true)
    expect(words).toContain('https://example.org/a/very/long/path')
    expect(words).toContain('developed')
    expect(hyphenated).toBe(1)
    expect(compareWords(expected, pages, true).problems).toEqual([])
  })
})
