// The file watch under --watch and preview: every watched path reports its changes, also paths that appear later.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { watchFiles, type FileWatch } from '../../src/cli/watch-files.js'

let watch: FileWatch | undefined
afterEach(async () => {
  await watch?.close()
  watch = undefined
})

/** Watch `paths`; `seen` holds every changed path reported so far, `until` waits for one. */
async function start(paths: string[], outDir: string) {
  const seen = new Set<string>()
  watch = await watchFiles(
    paths,
    outDir,
    async (files) => void files.forEach((file) => seen.add(file)),
    (error) => {
      throw error
    },
  )
  const until = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now()
      const poll = setInterval(() => {
        if (seen.has(path)) resolve(void clearInterval(poll))
        else if (Date.now() - started > 15_000) reject(new Error(`no change reported for ${path}; saw ${[...seen].join(', ')}`))
      }, 20)
    })
  return { seen, until }
}

describe('watchFiles', () => {
  test('several files missing from one folder each count once created, in any order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'letterpress-watch-'))
    const names = ['letterpress.config.yaml', 'letterpress.config.yml', 'package.json']
    const w = await start(
      names.map((name) => join(dir, name)),
      join(dir, 'output'),
    )
    // The last one watched first, then the others: each is reported, and saved again it is reported again.
    for (const name of [...names].reverse()) {
      writeFileSync(join(dir, name), 'a: 1\n')
      await w.until(join(dir, name))
    }
    w.seen.clear()
    writeFileSync(join(dir, names[1]!), 'a: 2\n')
    await w.until(join(dir, names[1]!))
  }, 60_000)

  test('a missing folder counts once created, and so does a file made inside it later; other files beside it do not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'letterpress-watch-'))
    const fonts = join(dir, 'fonts')
    const w = await start([join(dir, 'letterpress.config.yaml'), fonts], join(dir, 'output'))
    writeFileSync(join(dir, 'notes.txt'), 'not watched')
    mkdirSync(fonts)
    await w.until(fonts)
    await new Promise((resolve) => setTimeout(resolve, 300))
    writeFileSync(join(fonts, 'Face.ttf'), 'x')
    await w.until(join(fonts, 'Face.ttf'))
    expect(w.seen.has(join(dir, 'notes.txt'))).toBe(false)
  }, 60_000)
})
