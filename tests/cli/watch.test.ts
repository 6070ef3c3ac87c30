// --watch: the first render, then again on each change to a letter, its images or the project config, in the
// same warm process, until Ctrl-C.
import type { ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { letterpress, project, spawnLetterpress } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'
import { PNG_1x1 } from '../map/setup.js'
import { pixelsOf, solidPng } from '../helpers/pixels.js'

const letter = (body: string) => `Dear Sam,\n\n${body}\n\nBest regards,\nKim Lee\n`
let child: ChildProcess | undefined

afterEach(() => {
  child?.kill('SIGKILL')
  child = undefined
})

/** Start `letterpress --watch` in dir (on the given inputs, else letters/); lets the test wait for output lines. */
function startWatch(dir: string, inputs: string[] = []) {
  const { proc, out, err, until, exit } = spawnLetterpress(dir, [...inputs, '--watch'])
  child = proc
  const count = (s: string, text: string) => s.split(text).length - 1
  /** Wait for the first batch of `letters` letters, then a moment: chokidar finishes its folder watches just after 'ready' (a person never saves that fast). */
  const ready = async (letters: number) => {
    await until(() => err().includes(`watching ${letters} letter`), 'the first batch')
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  return { proc, out, err, until, count, exit, ready }
}

const text = async (dir: string, name: string) => (await readPdf(readFileSync(join(dir, 'output', name)))).text.join('\n')

describe('--watch', () => {
  test('renders again when the letter, an image beside it or the config changes; Ctrl-C ends it with 0', async () => {
    const dir = project({ 'letters/a.md': letter('First version.'), 'letters/b.md': letter('Another letter.') })
    const w = startWatch(dir)
    await w.ready(2)
    expect(w.count(w.out(), '✓ letters/a.md')).toBe(1)
    expect(await text(dir, 'a.pdf')).toContain('First version.')

    // The letter itself: only it renders again.
    writeFileSync(join(dir, 'letters/a.md'), letter('Second version.\n\n![chart](chart.png)'))
    await w.until(() => w.count(w.out(), '✓ letters/a.md') === 2, 'a.md rendered again')
    expect(w.count(w.out(), '✓ letters/b.md')).toBe(1)
    expect(await text(dir, 'a.pdf')).toContain('Second version.')
    expect(w.err()).toMatch(/letters\/a\.md:\d+:\d+ warning image "chart.png" not found/)

    // An image it uses appears in its folder: rendered again, now without the warning; b.md does not use it.
    const warnings = w.count(w.err(), 'not found')
    writeFileSync(join(dir, 'letters/chart.png'), PNG_1x1)
    await w.until(() => w.count(w.out(), '✓ letters/a.md') === 3, 'a.md rendered after its image appeared')
    expect(w.count(w.err(), 'not found')).toBe(warnings)
    expect(w.count(w.out(), '✓ letters/b.md')).toBe(1)

    // The project config: every letter renders again with it.
    writeFileSync(join(dir, 'letterpress.config.yaml'), 'from: { name: Config Writer }\n')
    await w.until(
      () => w.count(w.out(), '✓ letters/b.md') === 2 && w.count(w.out(), '✓ letters/a.md') === 4,
      'both rendered after the config changed',
    )
    expect((await readPdf(readFileSync(join(dir, 'output', 'b.pdf')))).info.Author).toBe('Config Writer')

    w.proc.kill('SIGINT')
    expect(await w.exit).toBe(0)
    expect(w.err()).toContain('stopped watching')
  }, 60_000)

  test('an image and the signature changed on disk are drawn with their new pixels (red, green, blue)', async () => {
    const RED: [number, number, number] = [255, 0, 0]
    const GREEN: [number, number, number] = [0, 200, 0]
    const BLUE: [number, number, number] = [0, 0, 255]
    const dir = project({ 'letters/a.md': `---\nsignature: sig.png\n---\n\n${letter('![dot](dot.png)')}` })
    writeFileSync(join(dir, 'letters/dot.png'), solidPng(RED))
    writeFileSync(join(dir, 'letters/sig.png'), solidPng(RED))
    const w = startWatch(dir)
    await w.ready(1)
    const pdf = () => new Uint8Array(readFileSync(join(dir, 'output/a.pdf')))
    expect(pixelsOf(pdf(), RED)).toBeGreaterThan(1000)
    let renders = 1
    for (const [now, before] of [
      [GREEN, RED],
      [BLUE, GREEN],
    ] as const) {
      // The image first, then the signature: each save renders again and draws what is on disk now.
      writeFileSync(join(dir, 'letters/dot.png'), solidPng(now))
      await w.until(() => w.count(w.out(), '✓ letters/a.md') === renders + 1, `a.md rendered after dot.png turned ${now}`)
      renders++
      expect(pixelsOf(pdf(), now)).toBeGreaterThan(400)
      expect(pixelsOf(pdf(), before)).toBeGreaterThan(400)
      writeFileSync(join(dir, 'letters/sig.png'), solidPng(now))
      await w.until(() => w.count(w.out(), '✓ letters/a.md') === renders + 1, `a.md rendered after sig.png turned ${now}`)
      renders++
      expect(pixelsOf(pdf(), before)).toBe(0)
      expect(pixelsOf(pdf(), now)).toBeGreaterThan(1000)
    }
    w.proc.kill('SIGINT')
    expect(await w.exit).toBe(0)
  }, 60_000)

  test('a signature the project config names, beside the config, is drawn anew when it changes', async () => {
    const dir = project({ 'letterpress.config.yaml': 'signature: sig.png\n', 'letters/a.md': letter('Signed from the config.') })
    writeFileSync(join(dir, 'sig.png'), solidPng([255, 0, 0]))
    const w = startWatch(dir)
    await w.ready(1)
    const pdf = () => new Uint8Array(readFileSync(join(dir, 'output/a.pdf')))
    expect(pixelsOf(pdf(), [255, 0, 0])).toBeGreaterThan(400)
    writeFileSync(join(dir, 'sig.png'), solidPng([0, 0, 255]))
    await w.until(() => w.count(w.out(), '✓ letters/a.md') === 2, 'a.md rendered after the signature changed')
    expect(pixelsOf(pdf(), [255, 0, 0])).toBe(0)
    expect(pixelsOf(pdf(), [0, 0, 255])).toBeGreaterThan(400)
    w.proc.kill('SIGINT')
    expect(await w.exit).toBe(0)
  }, 60_000)

  test('a new letter renders; a broken edit is an error line and the watch goes on', async () => {
    const dir = project({ 'letters/a.md': letter('First.') })
    const w = startWatch(dir)
    await w.ready(1)
    writeFileSync(join(dir, 'letters/new.md'), letter('A new one.'))
    await w.until(() => w.out().includes('✓ letters/new.md'), 'the new letter')
    expect(await text(dir, 'new.pdf')).toContain('A new one.')
    writeFileSync(join(dir, 'letters/a.md'), `---\nfrom: [broken\n---\n\n${letter('x')}`)
    await w.until(() => w.out().includes('✗ letters/a.md'), 'the failure')
    expect(w.err()).toMatch(/letters\/a\.md:\d+:\d+ error invalid YAML front matter/)
    writeFileSync(join(dir, 'letters/a.md'), letter('Fixed.'))
    await w.until(() => w.count(w.out(), '✓ letters/a.md') === 2, 'the fixed letter')
    expect(await text(dir, 'a.pdf')).toContain('Fixed.')
    w.proc.kill('SIGINT')
    expect(await w.exit).toBe(0)
  }, 60_000)

  test('a config saved broken is an error line with its place; the watch goes on', async () => {
    const dir = project({ 'letters/a.md': letter('First.') })
    const w = startWatch(dir)
    await w.ready(1)
    // A config that did not exist yet is watched for from the start (with package.json beside it, also missing).
    writeFileSync(join(dir, 'letterpress.config.yaml'), 'subject: [broken\n')
    await w.until(() => /letterpress\.config\.yaml:\d+:\d+ error invalid YAML/.test(w.err()), 'the config error')
    writeFileSync(join(dir, 'letters/a.md'), letter('Still watching.'))
    await w.until(() => w.count(w.out(), '✓ letters/a.md') === 2 || w.out().includes('✗ letters/a.md'), 'a render after the broken config')
    expect(w.proc.exitCode).toBeNull()
    w.proc.kill('SIGINT')
    expect(await w.exit).toBe(0)
  }, 60_000)

  test("an editor's temporary files in the fonts folder neither restart the workers nor render every letter again", async () => {
    const dir = project({ 'letters/a.md': letter('Untouched.'), 'letters/z.md': letter('First.'), 'fonts/README': 'fonts of this project' })
    const w = startWatch(dir)
    await w.ready(2)
    for (const name of ['.notes.swo', '4913', '#notes#', '.#notes']) writeFileSync(join(dir, 'fonts', name), 'scratch')
    await new Promise((resolve) => setTimeout(resolve, 500))
    // z.md renders after a.md in any batch of both: once z.md has rendered again, a.md would have too.
    writeFileSync(join(dir, 'letters/z.md'), letter('Second.'))
    await w.until(() => w.count(w.out(), '✓ letters/z.md') === 2, 'z.md rendered again')
    expect(w.count(w.out(), '✓ letters/a.md')).toBe(1)
    w.proc.kill('SIGINT')
    expect(await w.exit).toBe(0)
  }, 60_000)

  test('--watch with --json is bad usage', () => {
    const dir = project({ 'letters/a.md': letter('x') })
    const r = letterpress(dir, ['--watch', '--json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--watch')
  })

  test("an attached Markdown file, or an image it uses, changed under the letter's folder renders the letter again", async () => {
    const dir = project({
      'letters/a.md': `---\nattach: [parts/cv.md]\n---\n\n${letter('The letter.')}`,
      'letters/parts/cv.md': '# Curriculum Vitae\n\nFirst CV.\n\n![portrait](photo.png)\n',
    })
    writeFileSync(join(dir, 'letters/parts/photo.png'), PNG_1x1)
    const w = startWatch(dir, ['letters/a.md'])
    await w.ready(1)
    expect(await text(dir, 'a.pdf')).toContain('First CV.')
    writeFileSync(join(dir, 'letters/parts/cv.md'), '# Curriculum Vitae\n\nSecond CV.\n\n![portrait](photo.png)\n')
    await w.until(() => w.count(w.out(), '✓ letters/a.md') === 2, 'a.md rendered after its attachment changed')
    expect(await text(dir, 'a.pdf')).toContain('Second CV.')
    writeFileSync(join(dir, 'letters/parts/photo.png'), solidPng([0, 0, 255]))
    await w.until(() => w.count(w.out(), '✓ letters/a.md') === 3, "a.md rendered after its attachment's image changed")
    expect(w.out()).not.toContain('letters/parts/cv.md')
    w.proc.kill('SIGINT')
    expect(await w.exit).toBe(0)
  }, 60_000)
})
