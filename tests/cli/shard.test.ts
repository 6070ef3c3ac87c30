import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { inShard } from '../../src/cli/inputs.js'
import { letterpress, project } from '../helpers/cli.js'

const letter = (name: string) => `Dear Sam,\n\nA few lines from ${name}.\n\nBest regards,\nKim Lee\n`
const NAMES = ['ada', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jo']
const ALL = NAMES.map((name) => `letters/${name}.md`)

/** The letters a shard run reported, after checking each was rendered into its --out folder. */
function shard(dir: string, k: number, n: number, out = `out-${k}-${n}`): string[] {
  const r = letterpress(dir, ['--shard', `${k}/${n}`, '--json', '--out', out])
  expect(r.code, r.stderr).toBe(0)
  const letters = (JSON.parse(r.stdout) as { letters: { input: string; output: string | null; error: unknown }[] }).letters
  for (const l of letters) expect(l.error).toBeNull()
  const inputs = letters.map((l) => l.input)
  // Exactly these letters were written, and no others.
  const written = existsSync(join(dir, out)) ? readdirSync(join(dir, out)).sort() : []
  expect(written).toEqual(inputs.map((i) => i.replace(/^letters\/(.*)\.md$/, '$1.pdf')).sort())
  return inputs
}

describe('--shard', () => {
  test('the shards of a batch are disjoint, cover it, are stable, and keep their letters as letters are added', () => {
    const dir = project(Object.fromEntries(ALL.map((path, i) => [path, letter(NAMES[i]!)])))
    const shards = [1, 2, 3].map((k) => shard(dir, k, 3))
    // Disjoint, and together every letter exactly once.
    expect(shards.flat().sort()).toEqual(ALL)
    // A real split: no shard renders the whole batch (these names fall 5/1/4).
    for (const s of shards) expect(s.length).toBeLessThan(ALL.length)
    // The CLI chooses by inShard.
    shards.forEach((s, i) => expect(s).toEqual(ALL.filter((path) => inShard({ path, sub: '' }, [i + 1, 3]))))
    // The same shard twice is the same letters.
    expect(shard(dir, 2, 3, 'again')).toEqual(shards[1])

    // New letters, sorting before and among the others, move no existing letter to another shard.
    writeFileSync(join(dir, 'letters/aaa-new.md'), letter('new'))
    writeFileSync(join(dir, 'letters/00.md'), letter('zero'))
    writeFileSync(join(dir, 'letters/cz.md'), letter('cz'))
    const after = [1, 2, 3].map((k) => shard(dir, k, 3, `after-${k}`))
    expect(after.flat().sort()).toEqual([...ALL, 'letters/00.md', 'letters/aaa-new.md', 'letters/cz.md'].sort())
    after.forEach((s, i) => expect(s.filter((path) => ALL.includes(path))).toEqual(shards[i]))
  })

  test('--shard 1/1 renders everything', () => {
    const dir = project({ 'letters/a.md': letter('a'), 'letters/b.md': letter('b') })
    expect(shard(dir, 1, 1)).toEqual(['letters/a.md', 'letters/b.md'])
  })

  test('bad --shard values exit 2 with a message, nothing rendered', () => {
    const dir = project({ 'letters/a.md': letter('a') })
    for (const value of ['0/3', '4/3', 'a/b', '3', '1/0', '-1/3', '1/3/5', '']) {
      const r = letterpress(dir, ['--shard', value])
      expect(r.code, value).toBe(2)
      expect(r.stderr, value).toContain('--shard')
      expect(r.stderr).toContain('Try "letterpress --help".')
      expect(existsSync(join(dir, 'output'))).toBe(false)
    }
    const missing = letterpress(dir, ['--shard'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--shard')
  })
})

describe('inShard', () => {
  const input = (path: string) => ({ path, sub: '' })

  test('hashes the path with 32-bit FNV-1a (known test vectors), so shards are the same on every machine', () => {
    // With N = 2^32 the shard is the hash itself plus one.
    const N = 2 ** 32
    for (const [path, hash] of [
      ['', 0x811c9dc5],
      ['a', 0xe40c292c],
      ['foobar', 0xbf9cf968],
    ] as const) {
      expect(inShard(input(path), [hash + 1, N]), path).toBe(true)
      expect(inShard(input(path), [((hash + 1) % N) + 1, N]), path).toBe(false)
    }
  })

  test('a fixed assignment: these letters keep these shards of 3', () => {
    const of3 = (path: string) => [1, 2, 3].filter((k) => inShard(input(path), [k, 3]))
    expect(Object.fromEntries(ALL.map((path) => [path, of3(path)]))).toEqual({
      'letters/ada.md': [3],
      'letters/bob.md': [3],
      'letters/cy.md': [1],
      'letters/dee.md': [1],
      'letters/eve.md': [3],
      'letters/fay.md': [1],
      'letters/gus.md': [1],
      'letters/hal.md': [2],
      'letters/ivy.md': [1],
      'letters/jo.md': [3],
    })
  })

  test('every path is in exactly one shard of N, and calling again gives the same answer', () => {
    const paths = [...ALL, 'a.md', 'deep/sub/folder/letter.md', 'Straße.md', '中文.md', '']
    for (let n = 1; n <= 7; n++) {
      for (const path of paths) {
        const ks = Array.from({ length: n }, (_, i) => i + 1).filter((k) => inShard(input(path), [k, n]))
        expect(ks, `${path} of ${n}`).toHaveLength(1)
        expect(inShard(input(path), [ks[0]!, n])).toBe(true)
      }
    }
  })

  test('Windows separators give the same shard as forward slashes; the subfolder does not matter', () => {
    for (const path of ALL) {
      for (const n of [2, 3, 5, 16]) {
        for (let k = 1; k <= n; k++) {
          const expected = inShard(input(path), [k, n])
          expect(inShard(input(path.replaceAll('/', '\\')), [k, n])).toBe(expected)
          expect(inShard({ path, sub: 'somewhere/else' }, [k, n])).toBe(expected)
        }
      }
    }
  })

  test('spreads letters evenly: 1000 paths over 4 shards, each gets 200 to 300', () => {
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < 1000; i++) {
      const path = `letters/client-${i}.md`
      for (let k = 1; k <= 4; k++) if (inShard(input(path), [k, 4])) counts[k - 1]!++
    }
    expect(counts.reduce((a, b) => a + b)).toBe(1000)
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(200)
      expect(count).toBeLessThanOrEqual(300)
    }
  })
})
