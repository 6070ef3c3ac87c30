// Front matter that is wrong in ways a schema of types misses: days that do not exist, YAML tags that make
// binary data or sets, keys named like JavaScript's own properties, and old Mac line endings.
import { describe, expect, test } from 'vitest'
import { parseErrorOf } from '../helpers/errors.js'
import { parseLetter } from '../../src/index.js'
import { formatDate, isoDay } from '../../src/parse/date.js'
import { mergeLayers } from '../../src/parse/meta.js'

const fm = (yaml: string) => `---\nsubject: S\n${yaml}\n---\n\nDear Sam,\n`
const errorOf = parseErrorOf

describe('impossible dates', () => {
  test('a day not in the calendar is an error naming date and its line', () => {
    for (const day of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-00-10', '2026-04-31', '"2026-02-30"']) {
      const e = errorOf(fm(`date: ${day}`))
      expect(e.message).toBe(`field "date" must be a day that exists: ${day.replace(/"/g, '')} is not in the calendar`)
      expect([e.line, e.column]).toEqual([3, 7])
    }
  })

  test('real days, "today", free text and false are fine', () => {
    for (const day of ['2024-02-29', '2026-12-31', 'today', 'next Monday', 'false'])
      expect(() => parseLetter(fm(`date: ${day}`), 'x.md')).not.toThrow()
    expect(formatDate('2024-02-29', 'en-US')).toBe('February 29, 2024')
  })

  test('isoDay tells ISO days, impossible ones and other text apart; formatDate never rolls a day over', () => {
    expect(isoDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z')
    expect(isoDay('2026-02-30')).toBeNull()
    expect(isoDay('soon')).toBeUndefined()
    expect(formatDate('2026-02-30', 'en-US')).toBe('2026-02-30')
  })
})

describe('YAML values that are not plain data', () => {
  test('!!binary, !!set and !!omap values are errors naming the field and its line', () => {
    const cases: [string, string, number][] = [
      ['from: !!binary aGVsbG8=', '"from" is a !!binary value', 3],
      ['to: !!set { a, b }', '"to" is a !!set value', 3],
      ['cc: !!omap [ a: 1 ]', '"cc" is a !!omap value', 3],
      ['from:\n  name: Kim\n  address: [Street 1, !!binary aGVsbG8=]', '"from.address[1]" is a !!binary value', 5],
    ]
    for (const [yaml, message, line] of cases) {
      const e = errorOf(fm(yaml))
      expect(e.message).toBe(`invalid YAML front matter: ${message}; only text, numbers, true/false, dates, lists and mappings are read`)
      expect(e.line).toBe(line)
    }
  })
})

describe('keys named like built-in properties', () => {
  test('"__proto__" in front matter stays an unknown field and sets nothing', () => {
    const { raw, warnings } = parseLetter(fm('__proto__: { theme: modern, paper: Letter }'), 'x.md')
    expect(warnings.map((w) => w.message)).toEqual(['unknown field "__proto__"'])
    const merged = mergeLayers(
      { theme: 'classic' },
      raw,
      JSON.parse('{"__proto__": {"paper": "Letter"}, "colors": {"__proto__": {"accent": "#000"}}}'),
    )
    expect(merged.paper).toBeUndefined()
    expect(merged.theme).toBe('classic')
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(merged.colors)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).paper).toBeUndefined()
  })
})

describe('line endings', () => {
  test('lone CR and CRLF read like LF: front matter parses, places and the closing lines stay', () => {
    const letter = '---\nsubject: Hello\nlang: en-GB\ndate: 2026-02-30\n---\nDear Sam,\n'
    for (const eol of ['\r', '\r\n']) {
      const e = errorOf(letter.replace(/\n/g, eol))
      expect(e.message).toContain('field "date" must be a day that exists')
      expect(e.line).toBe(4)
    }
    const { raw, tree } = parseLetter('---\rsubject: Hello\rlang: en-GB\r---\rDear Sam,\r\rBest regards,\rKim Lee\r', 'x.md')
    expect(raw).toEqual({ subject: 'Hello', lang: 'en-GB' })
    expect(tree.children.at(-1)?.position?.start.line).toBe(7)
  })
})
