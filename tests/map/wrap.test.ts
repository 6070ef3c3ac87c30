import { describe, expect, test } from 'vitest'
import type { Measure } from '../../src/fonts/measure.js'
import { wrapLongTokens } from '../../src/map/wrap.js'

/** A monospaced fake: every character is half the type size wide. */
const measure: Measure = (text, size) => [...text].length * size * 0.5
const SIZE = 10 // 5 pt a character
const WIDTH = 200 // 40 characters at most, fewer with any safety margin

/** Characters after which a URL breaks naturally. */
const SEPARATORS = '/-.?&=_#,;:'

/** A URL of about `length` characters made of short path segments. */
const longUrl = (length: number) => {
  let url = 'https://example.com'
  for (let i = 0; url.length < length; i++) url += `/seg${String(i).padStart(4, '0')}`
  return url
}

describe('wrapLongTokens', () => {
  test('short text is unchanged', () => {
    const text = 'Dear Sam, thank you for the interview on Tuesday.'
    expect(wrapLongTokens(text, WIDTH, SIZE, measure)).toBe(text)
  })

  test('normal words are unchanged, even when the whole text is far wider than the column', () => {
    const text = Array.from({ length: 60 }, () => 'development').join(' ')
    expect(measure(text, SIZE)).toBeGreaterThan(WIDTH * 10)
    expect(wrapLongTokens(text, WIDTH, SIZE, measure)).toBe(text)
  })

  test('whitespace between words is kept exactly', () => {
    const text = 'one  two\tthree\nfour '
    expect(wrapLongTokens(text, WIDTH, SIZE, measure)).toBe(text)
  })

  test('a 300-character URL becomes several lines that each fit and join back to it', () => {
    const url = longUrl(300)
    expect(url.length).toBeGreaterThanOrEqual(300)
    const out = wrapLongTokens(url, WIDTH, SIZE, measure)
    const lines = out.split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(Math.ceil(measure(url, SIZE) / WIDTH))
    expect(lines.join('')).toBe(url)
    for (const line of lines) {
      expect(line.length).toBeGreaterThan(0)
      expect(measure(line, SIZE), line).toBeLessThanOrEqual(WIDTH)
    }
    // Not needlessly short: every line but the last fills at least half the column.
    for (const line of lines.slice(0, -1)) expect(measure(line, SIZE), line).toBeGreaterThanOrEqual(WIDTH / 2)
  })

  test('prefers to break after a separator such as "/"', () => {
    const url = longUrl(300)
    const lines = wrapLongTokens(url, WIDTH, SIZE, measure).split('\n')
    // A "/" comes every 8 characters, so every full line can end at one.
    for (const line of lines.slice(0, -1)) expect(SEPARATORS, line).toContain(line.at(-1))
    expect(lines.slice(0, -1).every((l) => l.endsWith('/'))).toBe(true)
  })

  test('breaks after "&" and "=" in a query string too', () => {
    const url = `https://example.com/search?${Array.from({ length: 30 }, (_, i) => `key${i}=value${i}`).join('&')}`
    const lines = wrapLongTokens(url, WIDTH, SIZE, measure).split('\n')
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.join('')).toBe(url)
    for (const line of lines.slice(0, -1)) expect(SEPARATORS).toContain(line.at(-1))
  })

  test('a token without separators is cut where the column ends', () => {
    const token = 'x'.repeat(250)
    const lines = wrapLongTokens(token, WIDTH, SIZE, measure).split('\n')
    expect(lines.join('')).toBe(token)
    for (const line of lines) expect(measure(line, SIZE)).toBeLessThanOrEqual(WIDTH)
    // Full lines: all but the last have the same, maximal length.
    const full = lines.slice(0, -1).map((l) => l.length)
    expect(new Set(full).size).toBe(1)
    expect(measure('x'.repeat(full[0]! + 1), SIZE)).toBeGreaterThan(WIDTH * 0.9)
  })

  test('only the long token is wrapped; the words around it stay as they are', () => {
    const url = longUrl(300)
    const text = `Please see ${url} for the details.`
    const out = wrapLongTokens(text, WIDTH, SIZE, measure)
    expect(out.startsWith('Please see https://')).toBe(true)
    expect(out.endsWith(' for the details.')).toBe(true)
    expect(out.replace(/\n/g, '')).toBe(text)
    expect(out.split('\n').length).toBeGreaterThan(2)
  })

  test('several long tokens are each wrapped', () => {
    const [a, b] = [longUrl(200), `mailto:${'someone.with.a.long.name'.repeat(5)}@example.com`]
    const out = wrapLongTokens(`${a} and ${b}`, WIDTH, SIZE, measure)
    expect(out.replace(/\n/g, '')).toBe(`${a} and ${b}`)
    for (const line of out.split('\n')) for (const token of line.split(' ')) expect(measure(token, SIZE)).toBeLessThanOrEqual(WIDTH)
  })

  test('non-BMP characters are not cut in half', () => {
    const token = '😀'.repeat(100)
    const lines = wrapLongTokens(token, WIDTH, SIZE, measure).split('\n')
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join('')).toBe(token)
    for (const line of lines) expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  })

  test('uses the size it is given', () => {
    const url = longUrl(120)
    const small = wrapLongTokens(url, WIDTH, 5, measure).split('\n')
    const large = wrapLongTokens(url, WIDTH, 20, measure).split('\n')
    expect(large.length).toBeGreaterThan(small.length)
    for (const line of large) expect(measure(line, 20)).toBeLessThanOrEqual(WIDTH)
  })

  test.each([0, -10])('a column width of %i leaves the text alone', (width) => {
    const text = `see ${longUrl(300)} now`
    expect(wrapLongTokens(text, width, SIZE, measure)).toBe(text)
  })

  test('a token that fits is left alone however long it is in characters', () => {
    const narrow: Measure = (text, size) => [...text].length * size * 0.05
    const url = longUrl(300)
    expect(wrapLongTokens(url, WIDTH, SIZE, narrow)).toBe(url)
  })
})
