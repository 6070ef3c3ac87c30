// The rules behind the front matter messages: which dates and languages are named, and one error for many problems.
import { describe, expect, test } from 'vitest'
import { dateProblem } from '../../src/parse/date.js'
import { didYouMean } from '../../src/parse/did-you-mean.js'
import { LetterError, problemsError } from '../../src/parse/errors.js'
import { parseLetter } from '../../src/parse/index.js'
import { languageProblem } from '../../src/parse/language.js'

describe('dates, languages and suggestions', () => {
  test('text that starts like an ISO date must be YYYY-MM-DD naming a real day; other text is free', () => {
    expect(dateProblem('2024-02-29')).toBeUndefined()
    expect(dateProblem(' 2026-01-05 ')).toBeUndefined()
    expect(dateProblem('2026-13-45')).toBe('a day that exists: 2026-13-45 is not in the calendar')
    expect(dateProblem('2026-1-5')).toBe('a date written YYYY-MM-DD: 2026-1-5 looks like one but is not')
    expect(dateProblem('2026-01-05 10:00')).toBe('a date written YYYY-MM-DD: 2026-01-05 10:00 looks like one but is not')
    for (const free of ['Spring 2027', 'today', '5 January 2026', '2026', '2026-05', 'Q3 2026-2027'])
      expect(dateProblem(free)).toBeUndefined()
  })

  test('a language or region Intl has no name for is named; real tags, scripts and UN regions are not', () => {
    expect(languageProblem('xx-YY')).toMatch(/^"xx" is not a known language/)
    expect(languageProblem('de-QQ')).toMatch(/^"QQ" is not a known region/)
    expect(languageProblem('und')).toMatch(/^"und" is not a known language/)
    for (const tag of ['en', 'en-US', 'de-DE', 'fr-CA', 'zh-Hans-CN', 'es-419', 'gsw', 'pt-BR'])
      expect(languageProblem(tag)).toBeUndefined()
  })

  test('did you mean names a near key only', () => {
    expect(didYouMean('colours', ['colors', 'fonts'])).toBe('; did you mean "colors"?')
    expect(didYouMean('zzzzzz', ['colors', 'fonts'])).toBe('')
    expect(didYouMean('x', [])).toBe('')
  })
})

describe('one error for several problems', () => {
  test('problems are named once each, in the order of their places; the first is the error', () => {
    const e = problemsError([
      { message: 'b', line: 4, column: 2, file: 'x.md' },
      { message: 'a', line: 2, column: 8, file: 'x.md' },
      { message: 'b', line: 4, column: 2, file: 'x.md' },
    ])
    expect(e).toBeInstanceOf(LetterError)
    expect([e.message, e.line, e.column, e.file]).toEqual(['a', 2, 8, 'x.md'])
    expect(e.problems).toEqual([
      { message: 'a', line: 2, column: 8, file: 'x.md' },
      { message: 'b', line: 4, column: 2, file: 'x.md' },
    ])
  })

  test('front matter with two wrong fields throws one error holding both, with their places', () => {
    let error: LetterError | undefined
    try {
      parseLetter('---\npaper: A5\nto: [1, 2]\n---\nDear Sam,\n', 'x.md')
    } catch (e) {
      error = e as LetterError
    }
    expect(error?.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:8 field "paper" must be A4 or Letter',
      '3:5 field "to" must be a name or a mapping (name, title, company, address)',
    ])
  })
})
