// Re-runs skip what did not change: a letter whose letter, options, files and PDF are as they were is reported
// unchanged and not rendered (no worker starts for it); a change to anything its PDF is made from renders it again.
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project, projectEnv } from '../helpers/cli.js'
import { realPng } from '../helpers/images.js'
import { makePdf } from '../helpers/make-pdf.js'

const env = { SOURCE_DATE_EPOCH: '1790000000' }

/** A preloaded module that makes starting any worker thread throw: a run that needs none still succeeds. */
const NO_WORKERS = `const threads = require('node:worker_threads')
threads.Worker = class { constructor() { throw new Error('no worker may start in this run') } }
require('node:module').syncBuiltinESMExports()
`

/** What each letter's line says it came to: rendered (✓), unchanged (·) or failed (✗), by its label. */
function statuses(stdout: string): Record<string, 'rendered' | 'unchanged' | 'failed'> {
  const found: Record<string, 'rendered' | 'unchanged' | 'failed'> = {}
  for (const line of stdout.split('\n')) {
    const match = /^([✓·✗]) (.+?)(?: → .*)? {2}(?:unchanged|failed|\d+ pages?.*)$/.exec(line)
    if (match) found[match[2]!] = match[1] === '✓' ? 'rendered' : match[1] === '·' ? 'unchanged' : 'failed'
  }
  return found
}

/** The letters a run rendered (not unchanged, not failed), sorted. */
const renderedIn = (stdout: string) =>
  Object.entries(statuses(stdout))
    .filter(([, s]) => s === 'rendered')
    .map(([label]) => label)
    .sort()

/** Every file of the output folder with its modification time. */
function mtimes(dir: string): Record<string, number> {
  const out = join(dir, 'output')
  return Object.fromEntries(readdirSync(out).map((name) => [name, statSync(join(out, name)).mtimeMs]))
}

const letter = (to: string, extra = '', body = `Dear ${to},\n\nA short letter.\n`) =>
  `---\nfrom: Kai Berg\nto: ${to}\n${extra}---\n\n${body}`

/** A project whose letters each use one kind of file: an image, a signature, an attachment, a theme file; and one that uses none. */
async function projectWithFiles(): Promise<string> {
  const dir = project({
    'letters/image.md': letter('Ada', '', 'Dear Ada,\n\n![logo](logo.png)\n'),
    'letters/signed.md': letter('Bo', 'signature: sig.png\n'),
    'letters/attached.md': letter('Cy', 'attach: [cv.pdf]\n'),
    'letters/themed.md': letter('Di', 'theme: house.yaml\n'),
    'letters/plain.md': letter('Ed'),
    'letters/house.yaml': 'extends: modern\n',
    'letterpress.config.yaml': 'lang: en-GB\n',
  })
  writeFileSync(join(dir, 'letters/logo.png'), realPng(8, 8))
  writeFileSync(join(dir, 'letters/sig.png'), realPng(8, 4))
  writeFileSync(join(dir, 'letters/cv.pdf'), await makePdf(['CV']))
  return dir
}

const ALL = ['letters/attached.md', 'letters/image.md', 'letters/plain.md', 'letters/signed.md', 'letters/themed.md']

describe('re-runs skip unchanged letters', () => {
  test('a second run of an unchanged folder reports every letter unchanged, writes nothing and starts no worker', async () => {
    const dir = await projectWithFiles()
    writeFileSync(join(dir, 'no-workers.cjs'), NO_WORKERS)
    const guarded = { ...env, NODE_OPTIONS: `--require ${join(dir, 'no-workers.cjs')}` }
    // The guard does stop a render: a first run cannot render without a worker.
    expect(letterpress(dir, ['--out', 'elsewhere'], guarded).code).not.toBe(0)

    const first = letterpress(dir, [], env)
    expect(first.code, first.stderr).toBe(0)
    expect(renderedIn(first.stdout)).toEqual(ALL)
    const before = mtimes(dir)
    const again = letterpress(dir, [], guarded)
    expect(again.code, again.stderr).toBe(0)
    expect(Object.values(statuses(again.stdout))).toEqual(Array(5).fill('unchanged'))
    expect(again.stdout).toContain('· letters/plain.md → output/plain.pdf  unchanged')
    expect(again.stdout).toContain('0 of 5 letters rendered, 5 unchanged')
    expect(mtimes(dir)).toEqual(before)
    // The output folder holds only the PDFs: the manifest is in the cache folder.
    expect(readdirSync(join(dir, 'output')).every((name) => name.endsWith('.pdf'))).toBe(true)
  })

  test('a change to the letter, an image, the signature, an attachment, the theme file, the config, a font or an option renders again only the letters it touches', async () => {
    const dir = await projectWithFiles()
    const run = (...args: string[]) => {
      const r = letterpress(dir, args, env)
      expect(r.code, r.stderr).toBe(0)
      return renderedIn(r.stdout)
    }
    expect(run()).toEqual(ALL)
    expect(run()).toEqual([])

    appendFileSync(join(dir, 'letters/plain.md'), '\nOne more line.\n')
    expect(run()).toEqual(['letters/plain.md'])
    writeFileSync(join(dir, 'letters/logo.png'), realPng(8, 9))
    expect(run()).toEqual(['letters/image.md'])
    writeFileSync(join(dir, 'letters/sig.png'), realPng(9, 4))
    expect(run()).toEqual(['letters/signed.md'])
    writeFileSync(join(dir, 'letters/cv.pdf'), await makePdf(['CV', 'page two']))
    expect(run()).toEqual(['letters/attached.md'])
    writeFileSync(join(dir, 'letters/house.yaml'), 'extends: din5008\n')
    expect(run()).toEqual(['letters/themed.md'])
    // What every letter shares: the config (even a comment: warnings name its lines), the fonts/ folder, an option.
    appendFileSync(join(dir, 'letterpress.config.yaml'), '# the house style\n')
    expect(run()).toEqual(ALL)
    mkdirSync(join(dir, 'fonts'))
    copyFileSync(join(import.meta.dirname, '../fixtures-fonts/NotoSansCJKsc-Subset.otf'), join(dir, 'fonts/cjk.otf'))
    expect(run()).toEqual(ALL)
    expect(run()).toEqual([])
    expect(run('--paper', 'Letter')).toEqual(ALL)
    expect(run('--paper', 'Letter')).toEqual([])
    // The signature's file appears where it was missing (a warning then): the letter that names it renders again.
    writeFileSync(join(dir, 'letters/plain.md'), letter('Ed', 'signature: later.png\n'))
    expect(run('--paper', 'Letter')).toEqual(['letters/plain.md'])
    expect(run('--paper', 'Letter')).toEqual([])
    writeFileSync(join(dir, 'letters/later.png'), realPng(4, 4))
    expect(run('--paper', 'Letter')).toEqual(['letters/plain.md'])
  })

  test('a changed data row renders again only that row', () => {
    const dir = project({
      'letters/offer.md': '---\nfrom: Kai Berg\n---\n\nDear {{name}},\n\nAn offer.\n',
      'rows.csv': 'name\nAda\nBo\n',
    })
    const run = () => letterpress(dir, ['--data', 'rows.csv'], env)
    expect(renderedIn(run().stdout)).toEqual(['letters/offer.md (row 1)', 'letters/offer.md (row 2)'])
    expect(renderedIn(run().stdout)).toEqual([])
    writeFileSync(join(dir, 'rows.csv'), 'name\nAda\nBea\n')
    expect(renderedIn(run().stdout)).toEqual(['letters/offer.md (row 2)'])
  })

  test('a deleted or changed PDF is rendered again; --force renders every letter', () => {
    const dir = project({ 'letters/a.md': letter('Ada'), 'letters/b.md': letter('Bo'), 'letters/c.md': letter('Cy') })
    expect(renderedIn(letterpress(dir, [], env).stdout)).toEqual(['letters/a.md', 'letters/b.md', 'letters/c.md'])
    rmSync(join(dir, 'output/a.pdf'))
    const pdf = readFileSync(join(dir, 'output/b.pdf'))
    // The same size, another byte: only the hash tells.
    pdf[pdf.length - 2]! ^= 1
    writeFileSync(join(dir, 'output/b.pdf'), pdf)
    expect(renderedIn(letterpress(dir, [], env).stdout)).toEqual(['letters/a.md', 'letters/b.md'])
    const forced = letterpress(dir, ['--force'], env)
    expect(renderedIn(forced.stdout)).toEqual(['letters/a.md', 'letters/b.md', 'letters/c.md'])
    expect(forced.stdout).toContain('3 of 3 letters rendered')
    // Another output folder is another manifest.
    expect(renderedIn(letterpress(dir, ['--out', 'other'], env).stdout)).toEqual(['letters/a.md', 'letters/b.md', 'letters/c.md'])
  })

  test('a letter named another way, which puts its PDF in another subfolder of the output, is rendered there', () => {
    const dir = project({ 'letters/sub/a.md': letter('Ada') })
    // Found in a folder input, a letter keeps its subfolder; named itself, it is written at the top.
    expect(letterpress(dir, ['letters'], env).stdout).toContain('→ output/sub/a.pdf')
    const named = letterpress(dir, ['letters/sub/a.md'], env)
    expect(named.stdout).toContain('✓ letters/sub/a.md → output/a.pdf')
    expect(readdirSync(join(dir, 'output'), { recursive: true }).map(String).sort()).toEqual(['a.pdf', 'sub', 'sub/a.pdf'])
    // And back: the folder run writes its own place again, then both are unchanged.
    expect(letterpress(dir, ['letters'], env).stdout).toContain('✓ letters/sub/a.md → output/sub/a.pdf')
    expect(letterpress(dir, ['letters'], env).stdout).toContain('· letters/sub/a.md → output/sub/a.pdf  unchanged')
  })

  test('a letter that failed is never unchanged, and its warnings are reported again when it is', () => {
    const dir = project({
      'letters/bad.md': '---\nfrom: [unclosed\n---\n\nText.\n',
      'letters/warned.md': letter('Ada', 'signature: missing.png\n'),
    })
    const first = letterpress(dir, [], env)
    expect(first.code).toBe(1)
    expect(statuses(first.stdout)).toEqual({ 'letters/bad.md': 'failed', 'letters/warned.md': 'rendered' })
    const again = letterpress(dir, [], env)
    expect(again.code).toBe(1)
    expect(statuses(again.stdout)).toEqual({ 'letters/bad.md': 'failed', 'letters/warned.md': 'unchanged' })
    expect(again.stderr).toMatch(/letters\/warned\.md.*warning signature: .*missing\.png.*not found/)
    expect(again.stdout).toContain('0 of 2 letters rendered, 1 unchanged; 1 warning; failed: letters/bad.md')
  })

  test('--json gives each unchanged letter "status": "unchanged" beside the fields of a rendered one', () => {
    const dir = project({ 'letters/a.md': letter('Ada') })
    const first = JSON.parse(letterpress(dir, ['--json'], env).stdout)
    expect(first.letters[0].status).toBeUndefined()
    const again = JSON.parse(letterpress(dir, ['--json'], env).stdout)
    expect(again.letters).toEqual([{ ...first.letters[0], status: 'unchanged', ms: 0 }])
  })

  test('--check is part of the key: a letter checked before is unchanged with its check as reported then; one not checked before renders', () => {
    const dir = project({ 'letters/a.md': letter('Ada') })
    expect(letterpress(dir, [], env).code).toBe(0)
    const checked = JSON.parse(letterpress(dir, ['--check', '--json'], env).stdout)
    expect(checked.letters[0].status).toBeUndefined()
    expect(checked.letters[0].check.ok).toBe(true)
    const again = JSON.parse(letterpress(dir, ['--check', '--json'], env).stdout)
    expect(again.letters).toEqual([{ ...checked.letters[0], status: 'unchanged', ms: 0 }])
  })

  test('a corrupt manifest is ignored; one that cannot be written is one warning, and the run still succeeds', () => {
    const dir = project({ 'letters/a.md': letter('Ada'), 'letters/b.md': letter('Bo') })
    const cache = projectEnv(dir).LETTERPRESS_CACHE_DIR!
    expect(letterpress(dir, [], env).code).toBe(0)
    const [manifest] = readdirSync(join(cache, 'renders'))
    writeFileSync(join(cache, 'renders', manifest!), '{"format": 1, "entries": {"x": ')
    const corrupt = letterpress(dir, [], env)
    expect(corrupt.code, corrupt.stderr).toBe(0)
    expect(renderedIn(corrupt.stdout)).toEqual(['letters/a.md', 'letters/b.md'])
    expect(renderedIn(letterpress(dir, [], env).stdout)).toEqual([])

    // A file where the cache folder should be: nothing can be written under it.
    writeFileSync(join(dir, 'blocked'), '')
    const blocked = { ...env, LETTERPRESS_CACHE_DIR: join(dir, 'blocked', 'cache') }
    const unwritable = letterpress(dir, [], blocked)
    expect(unwritable.code, unwritable.stderr).toBe(0)
    expect(renderedIn(unwritable.stdout)).toEqual(['letters/a.md', 'letters/b.md'])
    expect(unwritable.stderr.match(/warning could not keep the re-run cache/g)).toHaveLength(1)
    const json = JSON.parse(letterpress(dir, ['--json'], blocked).stdout)
    expect(json.ok).toBe(true)
    expect(json.warnings).toEqual([expect.objectContaining({ source: 'letterpress:cache' })])
  })

  test('a change to an attached Markdown file or an image it uses renders the letter again', () => {
    const dir = project({
      'letters/a.md': letter('Ada', 'attach: [parts/cv.md]\n'),
      'letters/b.md': letter('Bo'),
      'letters/parts/cv.md': '# Curriculum Vitae\n\n![portrait](photo.png)\n',
    })
    writeFileSync(join(dir, 'letters/parts/photo.png'), realPng(8, 8))
    const run = () => {
      const r = letterpress(dir, ['letters/a.md', 'letters/b.md'], env)
      expect(r.code, r.stderr).toBe(0)
      return renderedIn(r.stdout)
    }
    expect(run()).toEqual(['letters/a.md', 'letters/b.md'])
    expect(run()).toEqual([])
    appendFileSync(join(dir, 'letters/parts/cv.md'), '\nOne more line.\n')
    expect(run()).toEqual(['letters/a.md'])
    writeFileSync(join(dir, 'letters/parts/photo.png'), realPng(9, 9))
    expect(run()).toEqual(['letters/a.md'])
    expect(run()).toEqual([])
  })
})
