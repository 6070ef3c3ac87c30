import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, test } from 'vitest'
import { findParts, isClosingPhrase, isSalutation, letterParts } from '../../src/layout/structure.js'
import { LetterError } from '../../src/parse/errors.js'
import { parseLetter } from '../../src/parse/index.js'

const parts = (md: string) => findParts(parseLetter(md).tree as Root)

describe('letter structure', () => {
  test('a plain letter: # title, salutation, body, closing with the name on the next line', () => {
    const p = parts('# Cover Letter\n\nDear Goodfire Team,\n\nBody one.\n\n## Section\n\nBody two.\n\nSincerely,\nHan Xiao\n')
    expect(toString(p.title!)).toBe('Cover Letter')
    expect(toString(p.salutation!)).toBe('Dear Goodfire Team,')
    expect(p.body.map((n) => n.type)).toEqual(['paragraph', 'heading', 'paragraph'])
    expect(toString(p.closing!.phrase)).toBe('Sincerely,')
    expect(p.closing!.signer.map((s) => toString(s))).toEqual(['Han Xiao'])
    expect(p.author).toBe('Han Xiao')
  })

  test('the name may be its own paragraph, and the signer may have several lines', () => {
    const p = parts('Dear Sam,\n\nBody.\n\nKind regards,\n\nKim Lee  \nHead of Design\n')
    expect(toString(p.closing!.phrase)).toBe('Kind regards,')
    expect(p.author).toBe('Kim Lee')
    expect(p.body).toHaveLength(1)
  })

  test('closings in other languages, and a closing with a hard break', () => {
    expect(parts('Sehr geehrte Frau Schmidt,\n\nText.\n\nMit freundlichen Grüßen\nJonas Meyer\n').author).toBe('Jonas Meyer')
    expect(parts('Dear Sam,\n\nText.\n\nBest regards,\\\nAna Ruiz\n').author).toBe('Ana Ruiz')
  })

  test('a letter without salutation or closing is all body', () => {
    const p = parts('Just a note.\n\nAnother paragraph.\n')
    expect(p.title).toBeUndefined()
    expect(p.salutation).toBeUndefined()
    expect(p.closing).toBeUndefined()
    expect(p.body).toHaveLength(2)
  })

  test('a "Thanks" in the middle of the body is not the closing', () => {
    const p = parts('Dear Sam,\n\nThanks.\n\nMore text.\n\nA list:\n\n- item\n')
    expect(p.closing).toBeUndefined()
  })

  test('phrases', () => {
    for (const s of ['Sincerely,', 'Yours faithfully,', 'Best regards,', 'Kind regards', 'Mit freundlichen Grüßen', 'Cordialement,'])
      expect(isClosingPhrase(s), s).toBe(true)
    for (const s of ['Sincerely yours truly and more', 'Regarding the role,', 'Best of all, I can start now.'])
      expect(isClosingPhrase(s), s).toBe(false)
    expect(isSalutation('Dear Goodfire Team,')).toBe(true)
    expect(isSalutation('Hello Maria,')).toBe(true)
    expect(isSalutation('Dearest readers of a very long first sentence that goes on,')).toBe(false)
  })
})

describe('letterParts', () => {
  test('a letter with any part is its parts', () => {
    for (const md of ['# Title only\n', 'Dear Sam,\n', 'Just a line.\n', '---\nsubject: S\n---\n\nSincerely,\n']) {
      const tree = parseLetter(md).tree as Root
      expect(letterParts(tree, 'x.md')).toEqual(findParts(tree))
    }
  })

  test('a letter of front matter alone (or only link definitions) is an error naming the file', () => {
    for (const md of ['---\nsubject: S\n---\n', '---\nsubject: S\n---\n\n[a]: https://x.dev\n', '']) {
      let error: unknown
      try {
        letterParts(parseLetter(md).tree as Root, 'letters/empty.md')
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(LetterError)
      expect(error).toMatchObject({
        message: 'letter is empty: write the letter below the front matter',
        line: null,
        column: null,
        file: 'letters/empty.md',
      })
    }
  })
})
