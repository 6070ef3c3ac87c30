// Hostile letter sources through the command line: each fails alone, quickly, with its line; what is odd but
// harmless (old line endings, strange names) renders.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { MAX_NESTING } from '../../src/parse/limits.js'
import { copyInto, letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const GOOD = 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n'
const pdfsIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
    : []

describe('pathological Markdown', () => {
  // Before the scan these took the whole time limit or ran out of memory, with no line.
  test('20 KB of nested list items, 10,000 ">" and 20 KB of "**" fail with their line; the good letter renders', () => {
    const dir = project({
      'letters/lists.md': `Dear Sam,\n\n${'- '.repeat(10_000)}a\n`,
      'letters/quotes.md': `Dear Sam,\n\n${'>'.repeat(10_000)} a\n`,
      'letters/stars.md': `Dear Sam,\n\n${'**'.repeat(5_000)}a${'**'.repeat(5_000)}\n`,
      'letters/ok.md': GOOD,
    })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      `letters/lists.md:3:${2 * MAX_NESTING + 1} error lists and block quotes are nested more than ${MAX_NESTING} deep here; flatten them`,
    )
    expect(r.stderr).toContain(
      `letters/quotes.md:3:${MAX_NESTING + 1} error lists and block quotes are nested more than ${MAX_NESTING} deep here`,
    )
    expect(r.stderr).toContain('letters/stars.md:3:501 error more than 500 emphasis marks and brackets (* _ ~ [ ]) in one paragraph')
    expect(r.stdout).toContain('1 of 4 letters rendered')
    expect(pdfsIn(join(dir, 'output'))).toEqual(['ok.pdf'])
  })

  test('list items nested by indentation, one level a line, fail on the line past the limit', () => {
    const deep = `Dear Sam,\n\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`
    const r = letterpress(project({ 'letters/deep.md': deep }), [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      `letters/deep.md:${MAX_NESTING + 3}:${2 * MAX_NESTING + 1} error lists and block quotes are nested more than ${MAX_NESTING} deep here`,
    )
  })
})

describe('text encodings and line endings', () => {
  test('surrogates, overlong forms and code points past U+10FFFF are not UTF-8: byte offset and line, exit 1', () => {
    const dir = project({})
    mkdirSync(join(dir, 'letters'))
    const cases: [string, number[]][] = [
      ['surrogate', [0xed, 0xa0, 0x80]],
      ['overlong', [0xe0, 0x80, 0xaf]],
      ['beyond', [0xf4, 0x90, 0x80, 0x80]],
    ]
    for (const [name, bytes] of cases)
      writeFileSync(
        join(dir, `letters/${name}.md`),
        Buffer.concat([Buffer.from('Dear Sam,\n\nx'), Buffer.from(bytes), Buffer.from('\n\nBest,\nKim\n')]),
      )
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    for (const [name, bytes] of cases)
      expect(r.stderr).toContain(`letters/${name}.md:3:2 error not UTF-8 text: invalid byte 0x${bytes[0]!.toString(16)} at byte offset 12`)
    expect(r.stderr).not.toContain('\ufffd')
    expect(pdfsIn(join(dir, 'output'))).toEqual([])
  })

  test('a letter with lone CR line endings renders with its front matter and inferred author', async () => {
    const dir = project({ 'letters/mac.md': `---\nsubject: Hello\nlang: en-GB\ndate: 2026-01-05\n---\n${GOOD}`.replace(/\n/g, '\r') })
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    const pdf = await readPdf(readFileSync(join(dir, 'output/mac.pdf')))
    expect(pdf.info.Author).toBe('Kim Lee')
    expect(pdf.text.join('\n')).toContain('5 January 2026')
    expect(pdf.text.join('\n')).toMatch(/Best regards,\nKim Lee/)
  })
})

describe('front matter values', () => {
  test('an impossible date and a !!binary sender are errors naming the field and line', () => {
    const dir = project({
      'letters/feb30.md': `---\ndate: 2026-02-30\n---\n${GOOD}`,
      'letters/binary.md': `---\nsubject: Hi\nfrom: !!binary aGVsbG8=\n---\n${GOOD}`,
      'letters/leap.md': `---\ndate: 2024-02-29\n---\n${GOOD}`,
    })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/feb30.md:2:7 error field "date" must be a day that exists: 2026-02-30 is not in the calendar')
    expect(r.stderr).toMatch(/letters\/binary\.md:3:\d+ error invalid YAML front matter: "from" is a !!binary value/)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['leap.pdf'])
  })

  test('font families named __proto__, constructor or toString are "not found" warnings, not internal errors', () => {
    const dir = project({ 'letters/a.md': `---\nfont: { body: "__proto__", heading: constructor, mono: toString }\n---\n${GOOD}` })
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    for (const name of ['__proto__', 'constructor', 'toString']) expect(r.stderr).toContain(`warning font family "${name}" not found`)
    expect(r.stderr).not.toMatch(/could not render|TypeError/)
  })

  test('a damaged font in fonts/ is a warning naming its file; the letter renders with the theme font', () => {
    const dir = project({ 'letters/a.md': `---\nfont: Noto Sans Display\n---\n${GOOD}` })
    copyInto(dir, 'tests/fixtures-fonts/NotoSansDisplay-Regular.ttf', 'fonts/Display.ttf')
    const whole = readFileSync(join(dir, 'fonts/Display.ttf'))
    writeFileSync(join(dir, 'fonts/Display.ttf'), whole.subarray(0, whole.length - 10_000))
    writeFileSync(join(dir, 'fonts/Broken.otf'), 'not a font')
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(
      /letters\/a\.md warning font file "fonts\/Display\.ttf" is damaged: its "\w+" table runs past the end of the file/,
    )
    expect(r.stderr).toContain('letters/a.md warning font file "fonts/Broken.otf" cannot be read as a font')
    expect(r.stderr).toContain('warning font family "Noto Sans Display" not found')
  })
})

describe('output names', () => {
  test('a 400-character name is shortened to fit the file system; reserved names and bidi controls are cleaned', () => {
    const dir = project({
      'letters/long.md': `---\noutput: "${'a'.repeat(400)}"\n---\n${GOOD}`,
      'letters/con.md': `---\noutput: con\n---\n${GOOD}`,
      'letters/aux.md': `---\noutput: "aux.tar"\n---\n${GOOD}`,
      'letters/bidi.md': `---\noutput: "invoice\u202Efdp.exe"\n---\n${GOOD}`,
    })
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).not.toContain('ENAMETOOLONG')
    expect(pdfsIn(join(dir, 'output'))).toEqual([`${'a'.repeat(196)}.pdf`, 'aux_.tar.pdf', 'con_.pdf', 'invoicefdp.exe.pdf'])
  })
})
