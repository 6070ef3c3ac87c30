import type { Code, InlineCode, Link, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { describe, expect, test } from 'vitest'
import { parseLetter } from '../../src/parse/index.js'
import { resolveMeta } from '../../src/parse/meta.js'
import { smartenMeta, smartenPunctuation } from '../../src/parse/typography.js'

/** Parse Markdown and smarten its punctuation for `lang`; returns the tree. */
const smarten = (markdown: string, lang = 'en'): Root => smartenPunctuation(parseLetter(markdown).tree, lang)
/** The text of Markdown after smartening. */
const text = (markdown: string, lang = 'en') => toString(smarten(markdown, lang))

const STRAIGHT = /["']/

describe('English', () => {
  test('double and single quotes curl', () => {
    expect(text(`She said "yes" and 'maybe'`)).toBe('She said “yes” and ‘maybe’')
  })

  test('an apostrophe inside a word is the right single quote', () => {
    expect(text("I've seen it; it's the team's")).toBe('I’ve seen it; it’s the team’s')
  })

  test('-- is an en dash, --- an em dash, ... an ellipsis', () => {
    expect(text('pages 10--12')).toBe('pages 10\u201312')
    expect(text('wait---there is more')).toBe('wait\u2014there is more')
    expect(text('and so on...')).toBe('and so on\u2026')
    // A single hyphen is left alone.
    expect(text('well-known')).toBe('well-known')
  })

  test('a quote at the start of a paragraph opens', () => {
    expect(text(`"Yes," she said.`)).toBe('“Yes,” she said.')
    expect(text(`'Maybe.'`)).toBe('‘Maybe.’')
  })

  test('quotes around emphasis and links pair across the inline nodes', () => {
    expect(text(`"*yes*" and "[see](https://example.com)"`)).toBe('“yes” and “see”')
  })

  test('headings are smartened too', () => {
    expect(text(`# "Quoted" -- title`)).toBe('“Quoted” – title')
  })

  test('inline code stays as written', () => {
    const tree = smarten('Run `echo "it\'s" -- x...` now, "please".')
    const codes: InlineCode[] = []
    visit(tree, 'inlineCode', (n) => void codes.push(n))
    expect(codes.map((c) => c.value)).toEqual(['echo "it\'s" -- x...'])
    // The text around the code is still smartened.
    expect(toString(tree)).toContain('“please”')
  })

  test('code blocks stay as written', () => {
    const source = `const s = "it's" -- 'x' --- y...`
    const tree = smarten(`Dear Sam,\n\n\`\`\`js\n${source}\n\`\`\`\n\n"After" it.\n`)
    const blocks: Code[] = []
    visit(tree, 'code', (n) => void blocks.push(n))
    expect(blocks.map((b) => b.value)).toEqual([source])
    expect(toString(tree)).toContain('“After” it.')
  })

  test('a link URL is not changed', () => {
    const tree = smarten(`See [it's here](https://example.com/a--b...c'd).`)
    const links: Link[] = []
    visit(tree, 'link', (n) => void links.push(n))
    expect(links[0]!.url).toBe("https://example.com/a--b...c'd")
    expect(toString(links[0]!)).toBe('it’s here')
  })

  test('en-US and other English tags and unknown languages use English quotes', () => {
    expect(text(`"yes"`, 'en-US')).toBe('“yes”')
    expect(text(`"yes"`, 'EN-GB')).toBe('“yes”')
    expect(text(`"yes" 'no'`, 'xx')).toBe('“yes” ‘no’')
  })

  test('returns the same tree it was given, smartened in place', () => {
    const tree = parseLetter(`"a"`).tree
    expect(smartenPunctuation(tree, 'en')).toBe(tree)
    expect(toString(tree)).toBe('“a”')
  })

  test('leaves no straight quotes in ordinary prose', () => {
    expect(text(`"It's 'fine'," he said, "isn't it?"`)).not.toMatch(STRAIGHT)
  })
})

describe('German', () => {
  test('low-high quotes: „ja“ and ‚vielleicht‘', () => {
    expect(text(`Sie sagte "ja" und 'vielleicht'.`, 'de-DE')).toBe('Sie sagte „ja“ und ‚vielleicht‘.')
  })

  test('an apostrophe between letters is ’ (U+2019), not the closing quote ‘', () => {
    const out = text(`Ich bin's. Wie geht's?`, 'de-DE')
    expect(out).toBe('Ich bin\u2019s. Wie geht\u2019s?')
    expect(out).not.toContain('\u2018')
  })

  test('a real closing single quote after a word stays ‘', () => {
    expect(text(`Er sagte 'gut' dazu.`, 'de')).toBe('Er sagte ‚gut‘ dazu.')
  })

  test('dashes and ellipses as in English', () => {
    expect(text('Seiten 10--12 ... und---so', 'de-AT')).toBe('Seiten 10\u201312 \u2026 und\u2014so')
  })

  test('the language choice does not leak into English letters processed afterwards', () => {
    text(`"ja"`, 'de-DE')
    expect(text(`"yes"`, 'en')).toBe('“yes”')
  })
})

describe('French', () => {
  test('guillemets « » and ‹ ›', () => {
    const out = text(`Il a dit "oui" et 'non'.`, 'fr-FR')
    expect(out).toMatch(/«\s?oui\s?»/)
    expect(out).toMatch(/‹\s?non\s?›/)
    expect(out).not.toMatch(/[“”"]/)
  })

  test('an apostrophe in French is ’', () => {
    expect(text(`C'est l'été.`, 'fr')).toBe('C’est l’été.')
  })
})

describe('addresses are kept as written', () => {
  test('a bare URL or e-mail keeps its dashes, dots and quotes, while the prose around it is smartened', () => {
    const out = text("See https://example.com/a--b...c and <https://x.org/it's--here>, mail kim--lee@example.com -- ok...")
    expect(out).toContain('https://example.com/a--b...c')
    expect(out).toContain("https://x.org/it's--here")
    expect(out).toContain('kim--lee@example.com')
    expect(out).toContain('– ok…')
  })

  test('link text that is not an address is still smartened', () => {
    expect(text('[the "docs" -- here](https://d.org)')).toBe('the “docs” – here')
  })
})

describe('smartenMeta', () => {
  test("the front matter's subject and title get the body's punctuation for the letter's language; nothing else changes", () => {
    const meta = resolveMeta({
      lang: 'de-DE',
      subject: 'Bewerbung "Entwicklerin" -- Berlin',
      title: "Anna's Brief...",
      closing: 'Mit "Grüßen"',
    })
    const typeset = smartenMeta(meta)
    expect(typeset.subject).toBe('Bewerbung „Entwicklerin“ – Berlin')
    expect(typeset.title).toBe('Anna’s Brief…')
    expect(typeset).toEqual({ ...meta, subject: typeset.subject, title: typeset.title })
    expect(meta.subject).toBe('Bewerbung "Entwicklerin" -- Berlin')
  })

  test('a letter without subject or title has none after it', () => {
    const typeset = smartenMeta(resolveMeta({}))
    expect(typeset.subject).toBeUndefined()
    expect(typeset.title).toBeUndefined()
  })
})
