// --attach and attach: on the command line (the built binary): one file per application.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
import { makePdf } from '../helpers/make-pdf.js'
import { readPdf } from '../helpers/pdf.js'

const LETTER = (front = '') => `---\nfrom: Kim Lee\n${front}---\n\nDear Sam,\n\nThe letter itself.\n\nSincerely,\nKim Lee\n`

let cv: Uint8Array
let certificate: Uint8Array
let locked: Uint8Array
beforeAll(async () => {
  cv = await makePdf(['Curriculum vitae page one', 'Curriculum vitae page two'], { link: 'https://example.com/portfolio' })
  certificate = await makePdf(['Certificate of merit'])
  locked = await makePdf(['Secret'], { userPassword: 'secret' })
})

/** A project folder with letters and PDFs written into it. */
function folder(letters: Record<string, string>, pdfs: Record<string, Uint8Array>): string {
  const dir = project(letters)
  for (const [path, bytes] of Object.entries(pdfs)) writeFileSync(join(dir, path), bytes)
  return dir
}

describe('attachments on the command line', () => {
  test('--attach appends PDFs after the front matter ones, relative to the cwd; the page count includes them', async () => {
    const dir = project({ 'letters/a.md': LETTER('attach: [cv.pdf]\n'), 'docs/.keep': '' })
    writeFileSync(join(dir, 'letters/cv.pdf'), cv)
    writeFileSync(join(dir, 'docs/certificate.pdf'), certificate)
    const r = letterpress(dir, ['letters/a.md', '--attach', 'docs/certificate.pdf'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/✓ letters\/a\.md → output\/a\.pdf {2}4 pages/)
    const pdf = await readPdf(readFileSync(join(dir, 'output/a.pdf')))
    expect(pdf.pages).toBe(4)
    expect(pdf.text[0]).toContain('The letter itself.')
    expect(pdf.text[0]).toContain('Enclosures: cv, certificate')
    expect(pdf.text.slice(1).map((t) => t.split('\n')[0]!.trim())).toEqual([
      'Curriculum vitae page one',
      'Curriculum vitae page two',
      'Certificate of merit',
    ])
    expect(pdf.links).toContainEqual({ page: 2, url: 'https://example.com/portfolio' })
    expect(pdf.info).toMatchObject({ Author: 'Kim Lee' })
  })

  test('--json reports the pages with the attachments, and stdout holds only the report', () => {
    const dir = folder({ 'letters/a.md': LETTER() }, { 'cv.pdf': cv })
    const r = letterpress(dir, ['--json', '--attach', 'cv.pdf'])
    expect(r.code, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.letters[0]).toMatchObject({ output: 'output/a.pdf', pages: 3, error: null })
  })

  test('an encrypted attachment fails its letter (named, with its line), writes no PDF for it, and the batch goes on', () => {
    const dir = folder(
      { 'letters/a-locked.md': LETTER('attach: [cv.pdf, locked.pdf]\n'), 'letters/b-good.md': LETTER('attach: cv.pdf\n') },
      {},
    )
    writeFileSync(join(dir, 'letters/cv.pdf'), cv)
    writeFileSync(join(dir, 'letters/locked.pdf'), locked)
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/a-locked.md:3:18 error attachment "locked.pdf" is encrypted; attach an unencrypted copy')
    expect(r.stdout).toContain('✗ letters/a-locked.md  failed')
    expect(readdirSync(join(dir, 'output'))).toEqual(['b-good.pdf'])
  })

  test('a file that is not a PDF, a missing file and one outside the letter folder are errors naming the file', () => {
    const dir = folder(
      {
        'letters/a.md': LETTER('attach: notes.pdf\n'),
        'letters/b.md': LETTER('attach: [gone.pdf]\n'),
        'letters/c.md': LETTER('attach: [../outside.pdf]\n'),
        'letters/notes.pdf': 'plain text\n',
      },
      { 'outside.pdf': cv },
    )
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/a.md:3:9 error attachment "notes.pdf" is not a PDF file')
    expect(r.stderr).toContain('letters/b.md:3:10 error attachment "gone.pdf" not found')
    expect(r.stderr).toContain(`letters/c.md:3:10 error attachment "../outside.pdf" is outside the letter's folder and was not read`)
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })

  test('a missing --attach file is bad usage (exit 2) before anything renders', () => {
    const dir = project({ 'letters/a.md': LETTER() })
    const r = letterpress(dir, ['--attach', 'nope.pdf'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('attachment "nope.pdf" not found (--attach)')
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })

  test('--attach is in the help text', () => {
    expect(letterpress(project(), ['--help']).stdout).toMatch(/--attach FILE +append FILE to each letter's PDF/)
  })

  test('pdf-lib is bundled in a chunk of its own that only a letter with attachments loads', () => {
    // The render worker's build (System.register scripts, so no `import` statements: `module.import(...)`).
    const bundle = resolve(import.meta.dirname, '../../dist/worker')
    const files = readdirSync(bundle).filter((f) => f.endsWith('.js'))
    expect(files).toContain('pdf-lib.js')
    expect(files.some((f) => /mupdf/i.test(f))).toBe(false)
    // No chunk imports it statically; the letter renderer imports it when a letter has attachments.
    for (const file of files) expect(readFileSync(join(bundle, file), 'utf8'), file).not.toMatch(/^import\b[^;]*["']\.\/pdf-lib\.js["']/m)
    expect(files.filter((f) => readFileSync(join(bundle, f), 'utf8').includes(`import('./pdf-lib.js')`))).toEqual(['letter.js'])
    // The library (dist/index.js, pdf-lib from node_modules) loads it only for a letter with attachments.
    const dir = folder({}, { 'cv.pdf': cv })
    const script = `import { createRequire } from 'node:module'
import { renderLetter } from ${JSON.stringify(resolve(import.meta.dirname, '../../dist/index.js'))}
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/pdf-lib/'))
await renderLetter('Dear Sam,\\n\\nHello.\\n', { fontDirs: [] })
console.log(loaded())
await renderLetter('---\\nattach: cv.pdf\\n---\\n\\nDear Sam,\\n\\nHello.\\n', { fontDirs: [], path: ${JSON.stringify(join(dir, 'letter.md'))} })
console.log(loaded())`
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(r.stdout.trim().split('\n'), r.stderr).toEqual(['false', 'true'])
  })
})

describe('Markdown attachments on the command line', () => {
  test("an attached Markdown file is rendered into the letter's PDF; its warnings and its broken front matter (failing the letter) name it and its own lines", async () => {
    const dir = project({
      'letters/a.md': LETTER('attach: [parts/cv.md]\n'),
      'letters/b.md': LETTER('attach: [parts/broken.md]\n'),
      'letters/parts/cv.md': '# Curriculum Vitae\n\nResearch engineer.\n\n![portrait](gone.png)\n',
      'letters/parts/broken.md': '---\ntitle: CV\nmax-pages: two\n---\n\nText.\n',
    })
    const r = letterpress(dir, ['letters/a.md', 'letters/b.md'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/✓ letters\/a\.md → output\/a\.pdf {2}2 pages/)
    expect(r.stderr).toContain('letters/parts/broken.md:3:12 error field "max-pages" must be')
    expect(r.stdout).toContain('✗ letters/b.md  failed')
    // Its warnings name it and its own lines, on the terminal and in --json.
    expect(r.stderr).toContain('letters/parts/cv.md:5:1 warning image "gone.png" not found')
    const json = JSON.parse(letterpress(dir, ['letters/a.md', '--json', '--force']).stdout)
    expect(json.letters[0].warnings).toContainEqual(expect.objectContaining({ file: 'letters/parts/cv.md', line: 5, column: 1 }))
    const pdf = await readPdf(readFileSync(join(dir, 'output/a.pdf')))
    expect(pdf.text[1]).toContain('Research engineer.')
    expect(readdirSync(join(dir, 'output'))).toEqual(['a.pdf'])
  })

  test('--attach takes a Markdown file too; --check passes the combined file', () => {
    const dir = project({ 'letters/a.md': LETTER(), 'docs/cv.md': '# Curriculum Vitae\n\nResearch engineer.\n' })
    const r = letterpress(dir, ['letters/a.md', '--attach', 'docs/cv.md', '--check', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).letters[0]).toMatchObject({ pages: 2, error: null, check: { ok: true } })
  })
})

describe('--check with attachments', () => {
  test('an A4 attachment after a US-Letter letter passes: only the letter pages are held to one paper size', () => {
    const dir = project({
      'cv/cv.md': '---\nfrom: Kim Lee\npaper: A4\n---\n\nDear reader,\n\nMy curriculum vitae.\n\nSincerely,\nKim Lee\n',
      'letters/a.md':
        '---\nfrom: Kim Lee\nlang: en-US\nattach: [../cv-out/cv.pdf]\n---\n\nDear Sam,\n\nThe letter itself.\n\nSincerely,\nKim Lee\n',
    })
    expect(letterpress(dir, ['cv/cv.md', '--out', 'cv-out']).code).toBe(0)
    const r = letterpress(dir, ['letters/a.md', '--check', '--json', '--allow-path', 'cv-out'])
    expect(r.code, r.stderr).toBe(0)
    const [entry] = (JSON.parse(r.stdout) as { letters: { pages: number; error: unknown }[] }).letters
    expect(entry).toMatchObject({ pages: 2, error: null })
  })
})
