import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { readSignature } from '../../src/layout/signature.js'
import { NOWHERE } from '../../src/parse/message.js'
import type { LetterMessage } from '../../src/types.js'
import { realPng } from '../helpers/images.js'

const dir = mkdtempSync(join(tmpdir(), 'signature-'))
const png = realPng(20, 10)
writeFileSync(join(dir, 'sig.png'), png)
writeFileSync(join(dir, 'sig.txt'), 'not an image')
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const AT = { line: 5, column: 12 }

describe('readSignature', () => {
  test('no signature named: none, no warning', () => {
    const warnings: LetterMessage[] = []
    expect(readSignature(undefined, dir, [], AT, warnings)).toBeUndefined()
    expect(warnings).toEqual([])
  })

  test('a PNG in the letter folder: its bytes', () => {
    const warnings: LetterMessage[] = []
    expect(readSignature('sig.png', dir, [], AT, warnings)).toEqual(png)
    expect(warnings).toEqual([])
  })

  test('one that cannot be used is left out, with a warning at the given place', () => {
    for (const url of ['sig.txt', 'missing.png', 'https://example.com/sig.png']) {
      const warnings: LetterMessage[] = []
      expect(readSignature(url, dir, [], AT, warnings)).toBeUndefined()
      expect(warnings).toEqual([
        { message: expect.stringMatching(/^signature: .+; rendered without it$/), ...AT, source: 'letterpress:meta' },
      ])
    }
  })

  test('outside the letter folder only where allowed', () => {
    const warnings: LetterMessage[] = []
    const letterDir = join(dir, 'letters')
    expect(readSignature('../sig.png', letterDir, [], NOWHERE, warnings)).toBeUndefined()
    expect(warnings).toHaveLength(1)
    expect(readSignature('../sig.png', letterDir, [dir], NOWHERE, [])).toEqual(png)
  })
})
