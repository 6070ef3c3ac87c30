import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { writeAtomic } from '../../src/write/atomic.js'

describe('writeAtomic', () => {
  test('replaces the file whole and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    writeFileSync(join(dir, 'x.pdf'), 'old')
    writeAtomic(join(dir, 'x.pdf'), new TextEncoder().encode('new'))
    expect(readFileSync(join(dir, 'x.pdf'), 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['x.pdf'])
  })

  test('creates missing folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    writeAtomic(join(dir, 'a/b/x.pdf'), new Uint8Array([1]))
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['x.pdf'])
  })

  test('when the final rename fails, what was there stays and the temporary file is removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    // A non-empty folder where the file should go: the write succeeds, the rename cannot.
    mkdirSync(join(dir, 'x.pdf'))
    writeFileSync(join(dir, 'x.pdf', 'keep.txt'), 'kept')
    expect(() => writeAtomic(join(dir, 'x.pdf'), new Uint8Array([1, 2, 3]))).toThrow()
    expect(readdirSync(dir)).toEqual(['x.pdf'])
    expect(readFileSync(join(dir, 'x.pdf', 'keep.txt'), 'utf8')).toBe('kept')
  })
})
