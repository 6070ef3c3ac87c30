// A font dropped into the repository's own fonts/ is used, as the README tells: the bundled typefaces live
// apart (fonts/bundled/), so fonts/ is the user's in this repository as in any project.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { projectEnv } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const root = resolve(import.meta.dirname, '../..')

/** A copy of the repository as a user starts from it: its package, fonts and build, with the installed node_modules. */
function repositoryCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'letterpress-repo-'))
  for (const entry of ['package.json', 'fonts', 'dist']) cpSync(join(root, entry), join(dir, entry), { recursive: true })
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
  return dir
}

/** Render letters/ of a copy with the copy's own command line, as `npm run pdf` runs it there. */
const renderIn = (dir: string) =>
  spawnSync(process.execPath, [join(dir, 'dist/bundle/main.js')], { cwd: dir, env: projectEnv(dir), encoding: 'utf8', input: '' })

const body = 'Dear Sam,\n\nThank you for your time.\n\nBest regards,\nKim Lee\n'

describe("the repository's own fonts/", () => {
  test.each([
    ['font:', 'font: Noto Sans Display'],
    ['fallbacks:', 'fallbacks: [Noto Sans Display]'],
  ])('a font dropped into fonts/ and named in %s is embedded, with no warning', async (field, line) => {
    const dir = repositoryCopy()
    cpSync(join(root, 'tests/fixtures-fonts/NotoSansDisplay-Regular.ttf'), join(dir, 'fonts/NotoSansDisplay-Regular.ttf'))
    mkdirSync(join(dir, 'letters'))
    writeFileSync(join(dir, 'letters/a.md'), `---\n${line}\n---\n\n${body}`)
    const r = renderIn(dir)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).not.toContain('not found')
    expect(r.stderr).toBe('')
    // A fallback is embedded only for glyphs the theme's fonts lack; the main font always is.
    if (field === 'font:') {
      const pdf = await readPdf(readFileSync(join(dir, 'output/a.pdf')))
      const font = pdf.fonts.find((f) => /\+NotoSansDisplay-Regular$/.test(f.name))
      expect(font, pdf.fonts.map((f) => f.name).join(', ')).toBeDefined()
      expect(font!.embedded).toBe(true)
    }
  })

  test("the bundled typefaces are not taken for the user's fonts: no warning about them, and they still serve", async () => {
    const dir = repositoryCopy()
    mkdirSync(join(dir, 'letters'))
    writeFileSync(join(dir, 'letters/a.md'), `---\nfont: Noto Serif\n---\n\n${body}`)
    const r = renderIn(dir)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    const pdf = await readPdf(readFileSync(join(dir, 'output/a.pdf')))
    expect(pdf.fonts.map((f) => f.name).join(' ')).toMatch(/\+NotoSerif-Regular/)
  })
})
