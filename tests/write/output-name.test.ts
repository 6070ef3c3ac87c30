import { describe, expect, test } from 'vitest'
import { resolveMeta } from '../../src/parse/meta.js'
import { MAX_OUTPUT_NAME_BYTES, outputName } from '../../src/write/output-name.js'

describe('output names', () => {
  test("default: the letter's name with .pdf", () => {
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

describe('output names every file system holds', () => {
  const named = (output: string) => outputName('x.md', resolveMeta({ output }))

  test('names Windows reserves for devices get an underscore, with or without an extension, in any case', () => {
    expect(named('con')).toBe('con_.pdf')
    expect(named('CON.pdf')).toBe('CON_.pdf')
    expect(named('aux.tar')).toBe('aux_.tar.pdf')
    for (const name of ['prn', 'Nul', 'com1', 'COM9', 'lpt1', 'lpt9', 'com¹']) expect(named(name)).toBe(`${name}_.pdf`)
    expect(named('console')).toBe('console.pdf')
    expect(named('com10')).toBe('com10.pdf')
    expect(outputName('letters/aux.md', resolveMeta({}))).toBe('aux_.pdf')
  })

  test('bidi controls and other invisible characters are removed', () => {
    expect(named('invoice\u202Efdp.exe')).toBe('invoicefdp.exe.pdf')
    expect(named('\u2066a\u2069\u200Eb\u200F\u061Cc\u202A\u202B\u202C\u202D\u200B\u00AD\uFEFFd')).toBe('abcd.pdf')
    expect(outputName('letters/x\u202Eyz.md', resolveMeta({}))).toBe('xyz.pdf')
    expect(named('\u202E')).toBe('x.pdf')
  })

  test('a name past MAX_OUTPUT_NAME_BYTES (UTF-8, .pdf included) is cut at a character boundary', () => {
    expect(named('a'.repeat(400))).toBe(`${'a'.repeat(MAX_OUTPUT_NAME_BYTES - 4)}.pdf`)
    const accented = named('é'.repeat(400))
    expect(Buffer.byteLength(accented)).toBeLessThanOrEqual(MAX_OUTPUT_NAME_BYTES)
    expect(accented).toBe(`${'é'.repeat((MAX_OUTPUT_NAME_BYTES - 4) / 2)}.pdf`)
    // A family emoji is one character of 25 bytes: it is kept whole or left out, never split.
    const family = '👨‍👩‍👧‍👦'
    const emoji = named(`${'a'.repeat(180)}${family.repeat(3)}`)
    expect(emoji).toBe(`${'a'.repeat(180)}.pdf`)
    expect(outputName(`${'b'.repeat(300)}.md`, resolveMeta({}), 3)).toBe(`${'b'.repeat(MAX_OUTPUT_NAME_BYTES - 4)}.pdf`)
  })

  test("template keys are the metadata's own fields, never inherited ones", () => {
    expect(named('{constructor}-{from.constructor.name}-{__proto__}-letter')).toBe('letter.pdf')
  })
})
