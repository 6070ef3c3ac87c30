import { Font } from '@react-pdf/renderer'
import { afterEach, describe, expect, test } from 'vitest'
import { useHyphenation } from '../../src/fonts/hyphenation.js'

/** The hyphenation callback react-pdf will use for the next render. */
const callback = () => {
  expect(typeof Font.getHyphenationCallback).toBe('function')
  const cb = Font.getHyphenationCallback()
  expect(cb).toBeTypeOf('function')
  return cb!
}
const split = (word: string) => callback()(word)

/** The parts of a split word, checked to join back to the word. */
const parts = (word: string) => {
  const result = split(word)
  expect(result.join('')).toBe(word)
  for (const part of result) expect(part.length).toBeGreaterThan(0)
  return result
}

// Leave react-pdf's callback as every other test expects it: whole words only.
afterEach(async () => {
  await useHyphenation(false, 'en', [])
})

describe('useHyphenation off', () => {
  test('registers a callback that keeps every word whole', async () => {
    expect(await useHyphenation(false, 'en-US', [])).toBe(true)
    for (const word of ['development', 'Bewerbungsunterlagen', 'internationalisation', 'a']) expect(split(word)).toEqual([word])
  })

  test('turning it off after it was on keeps words whole again', async () => {
    await useHyphenation(true, 'en-US', [])
    expect(split('development').length).toBeGreaterThan(1)
    await useHyphenation(false, 'en-US', [])
    expect(split('development')).toEqual(['development'])
  })

  test('off needs no patterns, even for a language without any', async () => {
    expect(await useHyphenation(false, 'tlh', [])).toBe(true)
    expect(split('development')).toEqual(['development'])
  })
})

describe('useHyphenation on, English', () => {
  test('splits a long word into syllables that join back to it', async () => {
    expect(await useHyphenation(true, 'en-US', [])).toBe(true)
    const result = parts('development')
    expect(result.length).toBeGreaterThanOrEqual(3)
    // Breaks fall between syllables: "de-vel-op-ment".
    expect(result).toContain('ment')
    expect(parts('international').length).toBeGreaterThanOrEqual(3)
  })

  test('parts carry no soft hyphens', async () => {
    await useHyphenation(true, 'en', [])
    for (const part of split('development')) expect(part).not.toContain('\u00ad')
  })

  test('trailing punctuation stays with the word', async () => {
    await useHyphenation(true, 'en-US', [])
    const result = parts('development,')
    expect(result.length).toBeGreaterThan(1)
    expect(result.at(-1)!.endsWith(',')).toBe(true)
  })

  test('British English has patterns too', async () => {
    expect(await useHyphenation(true, 'en-GB', [])).toBe(true)
    expect(parts('development').length).toBeGreaterThan(1)
  })

  test.each([
    ['a URL', 'https://example.com/averylongpath'],
    ['a host name', 'www.examplesite.org'],
    ['an e-mail address', 'someone@example.com'],
    ['a number', '1234567890'],
    ['a word with digits', 'development2025'],
    ['a short word', 'hello'],
    ['a very short word', 'a'],
  ])('never splits %s', async (_what, word) => {
    await useHyphenation(true, 'en-US', [])
    expect(split(word)).toEqual([word])
  })

  test('never splits a name from the letter, alone, with punctuation or possessive', async () => {
    await useHyphenation(true, 'en-US', ['Hugh Featherstonehaugh', 'Worcestershire Partners'])
    for (const word of ['Featherstonehaugh', 'Featherstonehaugh,', 'Featherstonehaugh.', '(Featherstonehaugh)', 'Worcestershire', 'Featherstonehaugh’s', "Featherstonehaugh's"]) {
      expect(split(word), word).toEqual([word])
    }
    // Other long words are still split.
    expect(parts('development').length).toBeGreaterThan(1)
  })

  test('the names are those of the latest call only', async () => {
    await useHyphenation(true, 'en-US', ['Featherstonehaugh'])
    await useHyphenation(true, 'en-US', [])
    expect(parts('Featherstonehaugh').length).toBeGreaterThan(1)
  })
})

describe('useHyphenation on, other languages', () => {
  test('German splits a compound', async () => {
    expect(await useHyphenation(true, 'de-DE', [])).toBe(true)
    const result = parts('Bewerbungsunterlagen')
    expect(result.length).toBeGreaterThanOrEqual(4)
    // The compound boundary is a break: Bewerbungs|unterlagen.
    expect(result.some((_, i) => result.slice(0, i + 1).join('') === 'Bewerbungs')).toBe(true)
  })

  test('German patterns are not English patterns', async () => {
    await useHyphenation(true, 'de', [])
    const german = split('development')
    await useHyphenation(true, 'en', [])
    const english = split('development')
    expect(german).not.toEqual(english)
  })

  test.each(['tlh', 'xx', 'xx-YY'])('a language without patterns (%s) returns false and keeps words whole', async (lang) => {
    expect(await useHyphenation(true, lang, [])).toBe(false)
    expect(split('development')).toEqual(['development'])
    expect(split('Bewerbungsunterlagen')).toEqual(['Bewerbungsunterlagen'])
  })

  test('a missing language replaces an earlier working one', async () => {
    await useHyphenation(true, 'en-US', [])
    expect(await useHyphenation(true, 'xx', [])).toBe(false)
    expect(split('development')).toEqual(['development'])
  })
})

describe('useHyphenation across letters', () => {
  test('a region without its own patterns falls back to the language every time, not only the first', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await useHyphenation(true, 'de-AT', [])).toBe(true)
      expect(callback()('Bewerbungsunterlagen').length).toBeGreaterThan(1)
    }
  })
})
