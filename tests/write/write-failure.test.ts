// A failed write names the file meant and the system's reason, never the temporary file beside it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { writeAtomic, WriteError, writeFailure } from '../../src/write/atomic.js'

/** The error a real system call gives. */
const failure = (work: () => void): NodeJS.ErrnoException => {
  try {
    work()
  } catch (error) {
    return error as NodeJS.ErrnoException
  }
  throw new Error('it did not fail')
}

describe('writeFailure', () => {
  test('a full disk: "writing FILE: no space left on device" (a real ENOSPC from /dev/full)', () => {
    const error = failure(() => writeFileSync('/dev/full', 'x'))
    expect(error.code).toBe('ENOSPC')
    expect(writeFailure('output/a.pdf', error).message).toBe('writing output/a.pdf: no space left on device')
  })

  test('a read-only disk and a refused permission give their reasons without the temporary path', () => {
    const tmp = '/out/.a.pdf.123.abcd.tmp'
    const rofs = Object.assign(new Error(`EROFS: read-only file system, open '${tmp}'`), { code: 'EROFS', path: tmp })
    const access = Object.assign(new Error(`EACCES: permission denied, open '${tmp}'`), { code: 'EACCES', path: tmp })
    expect(writeFailure('/out/a.pdf', rofs).message).toBe('writing /out/a.pdf: read-only file system')
    expect(writeFailure('/out/a.pdf', access).message).toBe('writing /out/a.pdf: permission denied')
  })

  test('writeAtomic throws a WriteError for the file meant: a folder below a file, a name too long', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    writeFileSync(join(dir, 'file'), '')
    const below = failure(() => writeAtomic(join(dir, 'file/a.pdf'), new Uint8Array([1])))
    expect(below).toBeInstanceOf(WriteError)
    expect(below.message).toBe(`writing ${join(dir, 'file/a.pdf')}: not a directory (a part of the path is a file)`)
    const long = join(dir, `${'x'.repeat(300)}.pdf`)
    expect(failure(() => writeAtomic(long, new Uint8Array([1]))).message).toBe(`writing ${long}: name too long`)
  })
})
