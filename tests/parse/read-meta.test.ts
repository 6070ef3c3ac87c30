import { toString } from 'mdast-util-to-string'
import { describe, expect, test } from 'vitest'
import { parseLetter } from '../../src/parse/index.js'
import { NOWHERE } from '../../src/parse/message.js'
import { readMeta } from '../../src/parse/read-meta.js'

const FILE = 'letters/cover.md'
const LETTER = '---\nsubject: "Application: {{role}}"\ntheme: modern\n---\n\nDear {{to.name}},\n\nI write about {{subject}}.\n'

describe('readMeta', () => {
  test('fills the placeholders of the front matter and the text from the data row, then resolves the meta', () => {
    const parsed = parseLetter(LETTER, FILE)
    const { meta, layers } = readMeta(parsed, { values: { role: 'Engineer', 'to.name': 'Ada' }, row: 'row 2' }, FILE)
    expect(meta.subject).toBe('Application: Engineer')
    expect(layers.subject).toBe('Application: Engineer')
    expect(toString(parsed.tree)).toContain('Dear Ada,')
    expect(toString(parsed.tree)).toContain('I write about Application: Engineer.')
  })

  test('lays the project config under the front matter and the overrides over it', () => {
    const parsed = parseLetter(LETTER, FILE)
    const { meta, layers } = readMeta(
      parsed,
      {
        config: { theme: 'classic', closing: 'Regards,', lang: 'de' },
        values: { role: 'R', 'to.name': 'N' },
        paper: 'Letter',
        maxPages: 1,
        fit: true,
        pdfa: false,
      },
      FILE,
    )
    expect(layers).toMatchObject({ theme: 'modern', closing: 'Regards,', lang: 'de' })
    expect(meta).toMatchObject({ theme: 'modern', closing: 'Regards,', lang: 'de', paper: 'Letter', maxPages: 1, fit: true, pdfa: false })
    expect(readMeta(parseLetter(LETTER, FILE), { theme: 'din5008', values: { role: 'R', 'to.name': 'N' } }, FILE).meta.theme).toBe(
      'din5008',
    )
  })

  test("place points at a field the letter's own front matter sets, and nowhere for one from the config", () => {
    const parsed = parseLetter(LETTER, FILE)
    const { place } = readMeta(parsed, { config: { closing: 'Regards,' }, values: { role: 'R', 'to.name': 'N' } }, FILE)
    expect(place(['theme'])).toEqual({ line: 3, column: 8 })
    expect(place(['closing'])).toEqual(NOWHERE)
  })

  test("a placeholder with no value names the row and its field's place", () => {
    const parsed = parseLetter(LETTER, FILE)
    expect(() => readMeta(parsed, { values: { 'to.name': 'N' }, row: 'row 3' }, FILE)).toThrow(
      /^row 3: placeholder \{\{role\}\} \(in field "subject"\) has no value in this row or the front matter$/,
    )
  })
})
