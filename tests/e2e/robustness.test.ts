// Fixes found in review: concurrent renders, unknown fallback families, invalid languages, DIN address length,
// unsafe links in front matter.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LetterError, renderLetter } from '../../src/index.js'
import { readPdf } from '../helpers/pdf.js'

const FIXED = { sourceDateEpoch: 1_790_000_000, fontDirs: [] as string[] }
const words = 'internationalization responsibilities extraordinarily comprehensive documentation '.repeat(30)

describe('robustness', () => {
  test('renders started together do not share hyphenation: each equals the same letter rendered alone', async () => {
    const hyphenated = `---\nhyphenate: true\n---\n\nDear Sam,\n\n${words}\n`
    const plain = `Dear Sam,\n\n${words}\n`
    const alone = await renderLetter(plain, FIXED)
    const [a, b] = await Promise.all([renderLetter(hyphenated, FIXED), renderLetter(plain, FIXED)])
    expect(Buffer.from(b.pdf).equals(Buffer.from(alone.pdf))).toBe(true)
    expect((await readPdf(a.pdf)).text.join('\n')).toMatch(/-\n/)
    expect((await readPdf(b.pdf)).text.join('\n')).not.toMatch(/-\n/)
  })

  test('an unknown fallback family in a theme file is a warning, and the letter still renders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'letterpress-'))
    writeFileSync(
      join(dir, 'theme.yaml'),
      'fonts: { body: Noto Serif, heading: Noto Serif, mono: Noto Sans Mono, fallbacks: [Nope Sans, Noto Sans Math] }\n',
    )
    const result = await renderLetter('---\ntheme: theme.yaml\n---\n\nDear Sam,\n\n≤ 3.\n', { ...FIXED, path: join(dir, 'a.md') })
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^fallback font family "Nope Sans" not found in fonts\/ or the bundled fonts; left out \(available: .*Noto Serif/,
      ),
    ])
    expect((await readPdf(result.pdf)).text[0]).toContain('≤ 3.')
  })

  test('a language tag Intl cannot use is an error naming the field and its line', async () => {
    const error = await renderLetter('---\nsubject: x\nlang: en-US-US\n---\n\nDear Sam,\n', FIXED).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LetterError)
    expect((error as LetterError).message).toBe('field "lang" must be a language tag such as en-US or de-DE')
    expect((error as LetterError).line).toBe(3)
  })

  test('a DIN recipient with more lines than the window shows is a warning', async () => {
    const address = Array.from({ length: 8 }, (_, i) => `Line ${i + 1}`)
    const md = `---\ntheme: din5008\nto:\n  name: Frau Muster\n  address: [${address.join(', ')}]\n---\n\nSehr geehrte Frau Muster,\n\nText.\n`
    const result = await renderLetter(md, FIXED)
    expect(result.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^the recipient's address has 9 lines; the envelope window shows \d$/),
    )
  })

  test('front-matter links with unsafe schemes are plain text with a warning', async () => {
    const md =
      '---\nfrom:\n  name: Kim\n  links: ["javascript:alert(1)", { label: Files, url: "file:///etc/passwd" }, https://kim.dev]\n---\n\nDear Sam,\n'
    const result = await renderLetter(md, FIXED)
    const pdf = await readPdf(result.pdf)
    expect(pdf.links.map((l) => l.url)).toEqual(['https://kim.dev/'])
    expect(pdf.text[0]).toContain('javascript:alert(1)')
    expect(result.warnings.map((w) => w.message)).toEqual([
      'from.links: "javascript:alert(1)" is set as plain text: only http, https, mailto and tel links are clickable',
      'from.links: "file:///etc/passwd" is set as plain text: only http, https, mailto and tel links are clickable',
    ])
  })
})
