import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isAllowedPath } from '../../src/util/paths.js'
import { checkFile, READ_LIMITS, readFileSafely, recordReads, type ReadRule } from '../../src/util/read-file.js'

let dir: string
let letters: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'letterpress-read-'))
  letters = join(dir, 'letters')
  mkdirSync(join(letters, 'sub'), { recursive: true })
  writeFileSync(join(letters, 'theme.yaml'), 'extends: modern\n')
  writeFileSync(join(dir, 'secret.yaml'), 'SECRET_TOKEN: abc\n')
  symlinkSync(join(dir, 'secret.yaml'), join(letters, 'link-out.yaml'))
  symlinkSync(join(letters, 'theme.yaml'), join(letters, 'sub', 'link-in.yaml'))
  execFileSync('mkfifo', [join(letters, 'pipe.yaml')])
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const theme = (over: Partial<ReadRule> = {}): ReadRule => ({
  what: 'theme file',
  name: 'x',
  limit: READ_LIMITS.theme,
  roots: [letters],
  ...over,
})

describe('readFileSafely: confinement', () => {
  test('a file inside the roots is read, with its real path', () => {
    const read = readFileSafely(join(letters, 'sub/link-in.yaml'), theme())
    expect(read).toEqual({ data: Buffer.from('extends: modern\n'), real: join(letters, 'theme.yaml') })
  })

  test('a "../" path and a symlink out are refused unread, by the real path', () => {
    const message = 'theme file "x" is outside the letter\'s folder and was not read (--allow-path DIR allows a folder)'
    expect(readFileSafely(join(letters, '../secret.yaml'), theme())).toEqual({ problem: message, reason: 'outside' })
    expect(readFileSafely(join(letters, 'link-out.yaml'), theme())).toEqual({ problem: message, reason: 'outside' })
    // Another root (an --allow-path folder) lets it in.
    expect('data' in readFileSafely(join(letters, 'link-out.yaml'), theme({ roots: [letters, dir] }))).toBe(true)
  })

  test('a missing file outside the roots is "outside", so a letter cannot probe what exists', () => {
    expect(readFileSafely(join(dir, 'nope.yaml'), theme())).toMatchObject({ reason: 'outside' })
    expect(readFileSafely(join(letters, 'nope.yaml'), theme())).toEqual({ problem: 'theme file "x" not found', reason: 'missing' })
  })

  test("without roots (the user's own file) any folder is fine", () => {
    expect(readFileSafely(join(dir, 'secret.yaml'), theme({ roots: undefined }))).toMatchObject({
      data: Buffer.from('SECRET_TOKEN: abc\n'),
    })
  })

  test('isAllowedPath compares real paths, roots through a symlink included', () => {
    symlinkSync(letters, join(dir, 'letters-link'))
    expect(isAllowedPath(join(letters, 'theme.yaml'), [join(dir, 'letters-link')])).toBe(true)
    expect(isAllowedPath(join(dir, 'secret.yaml'), [join(dir, 'letters-link')])).toBe(false)
    expect(isAllowedPath(`${letters}-other/x`, [letters])).toBe(false)
  })
})

describe('readFileSafely: only regular files, within the limit', () => {
  test('a device, a pipe and a folder are refused before they are opened', () => {
    const notRegular = { problem: 'theme file "x" is not a regular file (a device, pipe or socket is never read)', reason: 'not-a-file' }
    expect(readFileSafely('/dev/zero', theme({ roots: undefined }))).toEqual(notRegular)
    // Opening a pipe with no writer would wait for one: the check comes first, so this returns at once.
    expect(readFileSafely(join(letters, 'pipe.yaml'), theme())).toEqual(notRegular)
    expect(readFileSafely(letters, theme())).toEqual({ problem: 'theme file "x" is a folder, not a file', reason: 'not-a-file' })
  })

  test('a file over the limit is refused by its size, before it is read; one at the limit is read', () => {
    const big = join(letters, 'big.png')
    writeFileSync(big, '')
    truncateSync(big, READ_LIMITS.image + 1)
    expect(readFileSafely(big, { what: 'image', name: 'big.png', limit: READ_LIMITS.image, roots: [letters] })).toEqual({
      problem: 'image "big.png" is too large: 20.1 MB; images up to 20 MB are read',
      reason: 'too-large',
    })
    truncateSync(big, 300 * 1024)
    expect(readFileSafely(big, { what: 'theme file', limit: READ_LIMITS.theme })).toEqual({
      problem: 'theme file is too large: 300 KB; theme files up to 256 KB are read',
      reason: 'too-large',
    })
    truncateSync(big, READ_LIMITS.theme)
    expect(readFileSafely(big, { what: 'theme file', limit: READ_LIMITS.theme })).toMatchObject({ data: Buffer.alloc(READ_LIMITS.theme) })
  })

  test('checkFile applies the same rule without reading', () => {
    expect(checkFile(join(letters, 'theme.yaml'), theme())).toEqual({ real: join(letters, 'theme.yaml'), size: 16 })
    expect(checkFile(join(letters, 'pipe.yaml'), theme())).toMatchObject({ reason: 'not-a-file' })
  })

  test('the limits', () => {
    expect(READ_LIMITS).toEqual({
      letter: 512 * 1024,
      theme: 256 * 1024,
      config: 256 * 1024,
      packageJson: 1024 * 1024,
      data: 16 * 1024 * 1024,
      image: 20 * 1024 * 1024,
      attachment: 50 * 1024 * 1024,
      pdf: 50 * 1024 * 1024,
      font: 64 * 1024 * 1024,
    })
  })
})

describe('recordReads', () => {
  test('records every read by the rule while its work runs, found or not, with the bytes’ hash; reads outside it are not recorded', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'letterpress-reads-'))
    writeFileSync(join(folder, 'a.png'), 'bytes')
    const rule = { what: 'image', limit: 100, roots: [folder] }
    readFileSafely(join(folder, 'a.png'), rule)
    const { value, reads } = await recordReads(async () => {
      readFileSafely(join(folder, 'a.png'), rule)
      readFileSafely(join(folder, 'missing.png'), rule)
      return 'done'
    })
    expect(value).toBe('done')
    expect(reads).toEqual([
      {
        path: join(folder, 'a.png'),
        rule,
        found: { real: realpathSync(join(folder, 'a.png')), sha256: createHash('sha256').update('bytes').digest('hex') },
      },
      { path: join(folder, 'missing.png'), rule, found: { problem: 'image not found' } },
    ])
  })
})
