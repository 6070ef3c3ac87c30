import { describe, expect, test } from 'vitest'
import { outputKey } from '../../src/write/output-key.js'

describe('outputKey', () => {
  test('paths that differ only in case or Unicode normalisation share a key; others do not', () => {
    expect(outputKey('out/Acme.pdf')).toBe(outputKey('out/acme.PDF'))
    expect(outputKey('out/Caf\u00e9.pdf')).toBe(outputKey('out/CAFE\u0301.pdf'))
    expect(outputKey('out/a.pdf')).not.toBe(outputKey('out/b.pdf'))
    expect(outputKey('out/x/a.pdf')).not.toBe(outputKey('out/y/a.pdf'))
  })
})
