import { describe, expect, test } from 'vitest'
import { lintMeta, type LintContext } from '../../src/parse/lints.js'
import { NOWHERE } from '../../src/parse/message.js'
import { resolveMeta } from '../../src/parse/meta.js'
import type { RawMeta } from '../../src/parse/schema.js'
import { resolveTheme } from '../../src/theme/index.js'

const FIT_AT = { line: 7, column: 6 }
/** A context where hyphenation works and the letter itself sets `fit` (at line 7). */
const context = (over: Partial<LintContext> = {}): LintContext => ({
  hyphenated: true,
  place: (path) => (path.join('.') === 'fit' ? FIT_AT : NOWHERE),
  ...over,
})
const lint = (raw: RawMeta, over: Partial<LintContext> = {}, overrides = {}) => {
  const meta = resolveMeta(raw, overrides)
  return lintMeta(meta, resolveTheme(meta), context(over))
}

describe('lintMeta', () => {
  test('a letter whose settings all do what they ask has no warnings', () => {
    expect(
      lint({
        from: { name: 'H', links: ['https://x.dev', 'mailto:h@x.dev', 'x.dev/a'] },
        to: { name: 'T', address: ['A', 'B'] },
        theme: 'din5008',
        paper: 'A4',
        fit: true,
        'max-pages': 1,
      }),
    ).toEqual([])
  })

  test('hyphenation without patterns for the language stays off, said once, at no line', () => {
    expect(lint({ lang: 'xx', hyphenate: true }, { hyphenated: false })).toEqual([
      { message: 'no hyphenation patterns for "xx"; hyphenation stays off', line: null, column: null, source: 'letterpress:meta' },
    ])
  })

  test('a sender link with a scheme no reader may follow is set as plain text, one warning per link', () => {
    const warnings = lint({ from: { name: 'H', links: ['javascript:alert(1)', 'https://ok.dev', 'ftp://files.dev'] } })
    expect(warnings).toEqual([
      {
        message: 'from.links: "javascript:alert(1)" is set as plain text: only http, https, mailto and tel links are clickable',
        line: null,
        column: null,
        source: 'letterpress:meta',
      },
      {
        message: 'from.links: "ftp://files.dev" is set as plain text: only http, https, mailto and tel links are clickable',
        line: null,
        column: null,
        source: 'letterpress:meta',
      },
    ])
  })

  test('a sender link is warned about at its url where the front matter sets it; a label without an address is no link and no warning', () => {
    const place = (path: readonly PropertyKey[]) => (path.join('.') === 'from.links.1.url' ? { line: 4, column: 12 } : NOWHERE)
    const links = [{ label: 'Mastodon: @a@b.c', url: '' }, { url: 'ftp://x.org' }]
    expect(lint({ from: { name: 'H', links } }, { place })).toEqual([
      {
        message: 'from.links: "ftp://x.org" is set as plain text: only http, https, mailto and tel links are clickable',
        line: 4,
        column: 12,
        source: 'letterpress:meta',
      },
    ])
  })

  test('a DIN recipient address with more lines than the envelope window shows', () => {
    const warnings = lint({
      to: { name: 'T', title: 'Boss', company: 'Co', address: ['1', '2', '3', '4', '5', '6'] },
      theme: 'din5008',
      paper: 'A4',
    })
    expect(warnings).toEqual([
      {
        message: expect.stringMatching(/^the recipient's address has 9 lines; the envelope window shows \d+$/),
        line: null,
        column: null,
        source: 'letterpress:theme',
      },
    ])
    const room = Number(/shows (\d+)/.exec(warnings[0]!.message)![1])
    expect(room).toBeLessThan(9)
    // One line fewer than the window holds is no warning.
    expect(
      lint({ to: { name: 'T', address: Array.from({ length: room - 1 }, (_, i) => String(i)) }, theme: 'din5008', paper: 'A4' }),
    ).toEqual([])
  })

  test('a DIN theme on paper other than A4', () => {
    expect(lint({ theme: 'din5008', paper: 'Letter' })).toEqual([
      {
        message: 'theme "din5008" places the address for an A4 window envelope, but the paper is Letter',
        line: null,
        column: null,
        source: 'letterpress:theme',
      },
    ])
    expect(lint({ theme: 'classic', paper: 'Letter', to: { name: 'T', address: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] } })).toEqual(
      [],
    )
  })

  test('fit without max-pages points at the fit field, or names --fit when the flag asked', () => {
    expect(lint({ fit: true })).toEqual([
      {
        message: 'fit: true does nothing without max-pages: set max-pages: N in the front matter or --max-pages N',
        ...FIT_AT,
        source: 'letterpress:meta',
      },
    ])
    expect(lint({}, { fitFlag: true }, { fit: true })).toEqual([
      {
        message: '--fit does nothing without max-pages: set max-pages: N in the front matter or --max-pages N',
        line: null,
        column: null,
        source: 'letterpress:meta',
      },
    ])
    // fit from the project config: the letter has no fit field to point at.
    expect(lint({ fit: true }, { place: () => NOWHERE })[0]).toMatchObject({ line: null, column: null })
  })

  test('several lints come in the order the letter reads them: hyphenation, links, theme, fit', () => {
    const warnings = lint(
      { lang: 'xx', hyphenate: true, from: { name: 'H', links: ['gopher://x'] }, theme: 'din5008', paper: 'Letter', fit: true },
      { hyphenated: false },
    )
    expect(warnings.map((w) => w.message.split(' ')[0])).toEqual(['no', 'from.links:', 'theme', 'fit:'])
  })
})
