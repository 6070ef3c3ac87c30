import { describe, expect, test } from 'vitest'
import { resolveMeta } from '../../src/parse/meta.js'
import { outputName } from '../../src/write/output-name.js'

describe('output names', () => {
  test('default: the letter\'s name with .pdf', () => {
    expect(outputName('letters/acme.md', resolveMeta({}))).toBe('acme.pdf')
  })
  test('the template is filled from the metadata and made safe for file systems', () => {
    const meta = resolveMeta({ from: 'Han Xiao', to: { company: 'Good/fire: Inc' }, output: '{from.name}-{to.company}-cover-letter.pdf' })
    expect(outputName('x.md', meta)).toBe('Han-Xiao-Good-fire-Inc-cover-letter.pdf')
  })
  test('missing values leave no stray separators; .pdf is added when missing', () => {
    expect(outputName('x.md', resolveMeta({ output: '{to.company}-letter' }))).toBe('letter.pdf')
    expect(outputName('x.md', resolveMeta({ output: '../../{nothing}' }))).toBe('x.pdf')
  })
})
