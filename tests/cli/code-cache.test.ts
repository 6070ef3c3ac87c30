import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { cacheDir } from '../../src/cli/cache-dir.js'
import { letterpress, project } from '../helpers/cli.js'

const LETTER = '---\nfrom: Kim Lee\n---\n\nDear Sam,\n\nThank you for the *quick* reply.\n\nBest regards,\nKim Lee\n'
// NODE_DEBUG=letterpress makes the render worker say what it did with its code cache.
const env = (cache: string) => ({ SOURCE_DATE_EPOCH: '1790000000', LETTERPRESS_CACHE_DIR: cache, NODE_DEBUG: 'letterpress' })

/** Render the letter in `dir` with the cache folder `cache`: exit code, what the worker said, the PDF. */
function render(dir: string, cache: string) {
  const r = letterpress(dir, ['letter.md', '--out', 'out', '--force'], env(cache))
  return { ...r, pdf: r.code === 0 ? readFileSync(join(dir, 'out/letter.pdf')) : undefined }
}

describe('the render worker’s code cache', () => {
  test('a first run writes the compiled code of the render stack; the next run starts from it, with the same PDF', () => {
    const dir = project({ 'letter.md': LETTER })
    const cache = join(dir, 'cache')
    const first = render(dir, cache)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).not.toMatch(/code cache: used/)
    expect(existsSync(join(cache, 'code/letter.js.code'))).toBe(true)
    const second = render(dir, cache)
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toMatch(/code cache: used letter\.js/)
    expect(second.stderr).not.toMatch(/code cache: rejected/)
    expect(second.pdf!.equals(first.pdf!)).toBe(true)
  }, 60_000)

  test('a damaged or foreign cache file is ignored or rejected, and replaced; the render succeeds with identical bytes', () => {
    const dir = project({ 'letter.md': LETTER })
    const cache = join(dir, 'cache')
    const first = render(dir, cache)
    const file = join(cache, 'code/letter.js.code')
    const written = readFileSync(file)
    const header = written.indexOf(10) + 1
    const key = written.subarray(0, 64)
    const code = written.subarray(header)
    const ok = (r: ReturnType<typeof render>) => {
      expect(r.code, r.stderr).toBe(0)
      expect(r.pdf!.equals(first.pdf!)).toBe(true)
    }
    // Bytes flipped inside the code (V8 would take it and crash): its checksum no longer matches, so it is not used.
    const damaged = Buffer.from(written)
    for (let i = 0; i < 100; i++) damaged[header + Math.floor((code.length * i) / 100)]! ^= 0xff
    writeFileSync(file, damaged)
    const second = render(dir, cache)
    ok(second)
    expect(second.stderr).not.toMatch(/code cache: (used|rejected) letter\.js/)
    expect(render(dir, cache).stderr).toMatch(/code cache: used letter\.js/)
    // Intact as a file (key and checksum match) but not code this V8 made: V8 rejects it.
    const garbage = Buffer.alloc(code.length, 0x5a)
    const checksum = createHash('sha256').update(garbage).digest('hex')
    writeFileSync(file, Buffer.concat([key, Buffer.from(`${checksum}\n`), garbage]))
    const third = render(dir, cache)
    ok(third)
    expect(third.stderr).toMatch(/code cache: rejected letter\.js/)
    expect(render(dir, cache).stderr).toMatch(/code cache: used letter\.js/)
    // Not a cache file at all: as good as missing.
    writeFileSync(file, 'not a cache file')
    const fourth = render(dir, cache)
    ok(fourth)
    expect(fourth.stderr).not.toMatch(/code cache: (used|rejected) letter\.js/)
  }, 60_000)

  test('a cache folder that cannot be created does not fail the run (one warning, from the re-run manifest)', () => {
    const dir = project({ 'letter.md': LETTER, 'cache-is-a-file': 'x' })
    const r = render(dir, join(dir, 'cache-is-a-file/letterpress'))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/1 of 1 letter rendered/)
    // The code cache gives up silently; the re-run manifest, which cannot be kept either, says so once.
    const lines = r.stderr
      .replace(/^LETTERPRESS \d+: code cache: .*\n/gm, '')
      .trim()
      .split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/warning could not keep the re-run cache .*: the next run renders every letter again$/)
    expect(r.pdf!.equals(render(dir, join(dir, 'cache')).pdf!)).toBe(true)
  }, 60_000)
})

describe('cacheDir', () => {
  const home = mkdtempSync(join(tmpdir(), 'letterpress-home-'))
  test('node_modules/.cache/letterpress of the project around the working folder, when it has a node_modules', () => {
    const dir = project({ 'package.json': '{}', 'letters/a.md': '' })
    mkdirSync(join(dir, 'node_modules'))
    expect(cacheDir(join(dir, 'letters'), { HOME: home })).toBe(join(dir, 'node_modules/.cache/letterpress'))
  })

  test('else the user’s cache folder: $XDG_CACHE_HOME when absolute, or ~/.cache', () => {
    const dir = project({ 'package.json': '{}' })
    expect(cacheDir(dir, { HOME: home })).toBe(join(home, '.cache/letterpress'))
    expect(cacheDir(dir, { HOME: home, XDG_CACHE_HOME: '/var/cache/kim' })).toBe('/var/cache/kim/letterpress')
    expect(cacheDir(dir, { HOME: home, XDG_CACHE_HOME: 'relative' })).toBe(join(home, '.cache/letterpress'))
  })

  test('$LETTERPRESS_CACHE_DIR wins, relative to the working folder', () => {
    const dir = project({ 'package.json': '{}' })
    mkdirSync(join(dir, 'node_modules'))
    expect(cacheDir(dir, { HOME: home, LETTERPRESS_CACHE_DIR: '.cache' })).toBe(join(dir, '.cache'))
  })
})
