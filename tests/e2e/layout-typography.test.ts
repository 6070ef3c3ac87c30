// Typography as the PDF's text layer shows it: curly quotes and apostrophes by language, long URLs wrapped
// inside the text column, hyphenation only when asked for, and never inside URLs, e-mail addresses or names.
import { describe, expect, test } from 'vitest'
import { classic } from '../../src/theme/classic.js'
import { frontMatter, linesOf, mm, render } from '../helpers/letters.js'

const body = (front: string, ...paragraphs: string[]) =>
  `${front}Dear Sir or Madam,\n\n${paragraphs.join('\n\n')}\n\nSincerely,\nJordan Signer\n`
const allText = (text: string[]) => text.join('\n')
/** Text lines of the body as the text layer gives them. */
const textLines = (text: string[]) => allText(text).split('\n')

describe('quotes and apostrophes', () => {
  test('English: “double”, ‘single’, and I’ve; no straight quotes left', async () => {
    const { pdf } = await render(body(frontMatter('lang: en'), `He said "quotes" and I've seen 'single' ones -- twice...`))
    const text = allText(pdf.text)
    expect(text).toContain('“quotes”')
    expect(text).toContain('I’ve')
    expect(text).toContain('‘single’')
    expect(text).toContain('–') // -- is an en dash
    expect(text).toContain('…')
    expect(text).not.toMatch(/["']/)
  })

  test('German: „ja“ and bin’s', async () => {
    const { pdf } = await render(
      `${frontMatter('lang: de-DE')}Sehr geehrte Damen und Herren,\n\nich sage "ja" und bin's, sagte sie 'leise'.\n\nMit freundlichen Grüßen\nKim Sample\n`,
    )
    const text = allText(pdf.text)
    expect(text).toContain('„ja“')
    expect(text).toContain('bin’s')
    expect(text).toContain('‚leise‘')
    expect(text).not.toMatch(/["']|”/)
  })
})

describe('long URLs', () => {
  // Exactly 400 characters, with no spaces: react-pdf alone would run it off the page.
  const url = ('https://example.com/' + Array.from({ length: 60 }, (_, i) => `segment${i}`).join('/')).slice(0, 400)

  test.each(['classic', 'modern', 'din5008'])(
    '%s: a 400-character URL wraps inside the text column and still links and reads whole',
    async (theme) => {
      expect(url).toHaveLength(400)
      const { pdf } = await render(body(frontMatter('date: 2026-11-24'), `My portfolio is at ${url} and more.`, 'Another paragraph.'), {
        theme,
      })
      const [width] = pdf.sizes[0]!
      const right = theme === 'classic' ? classic.page.margin.right : theme === 'modern' ? mm(22) : mm(20)
      for (const item of pdf.items) expect(item.x + item.width, item.str).toBeLessThanOrEqual(width - right + 2)
      // Joined back, the wrapped lines give the URL unchanged: no hyphen inserted, nothing lost.
      const lines = textLines(pdf.text)
      const start = lines.findIndex((l) => l.includes('https://example.com/'))
      const joined = lines.slice(start, start + 8).join('')
      expect(joined).toContain(url)
      expect(lines.slice(start).findIndex((l) => l.endsWith('and more.'))).toBeGreaterThan(1)
      expect(pdf.links.map((l) => l.url)).toContain(url)
    },
  )

  test.each(['classic', 'modern'])('%s: in backticks, in a list and in a quote it wraps as well', async (theme) => {
    const { pdf } = await render(body(frontMatter(), `Run \`${url}\` to see.`, `- item \`${url}\``, `> quoted ${url}`), { theme })
    const [width] = pdf.sizes[0]!
    const right = theme === 'classic' ? classic.page.margin.right : mm(22)
    for (const item of pdf.items) expect(item.x + item.width, item.str).toBeLessThanOrEqual(width - right + 2)
    expect(textLines(pdf.text).join('').split(url)).toHaveLength(4)
  })
})

describe('hyphenation', () => {
  const longWords =
    'Incomprehensibilities characteristically institutionalization counterrevolutionaries internationalization ' +
    'electroencephalography uncharacteristically misrepresentations telecommunications'
  const paragraph = Array.from({ length: 5 }, () => longWords).join(' ')
  const endsInHyphen = (text: string[]) => textLines(text).filter((l) => /\p{L}-$/u.test(l))

  test('hyphenate: true splits long words at line ends; the default never does', async () => {
    const on = await render(body(frontMatter('hyphenate: true'), paragraph))
    const off = await render(body(frontMatter(), paragraph))
    expect(endsInHyphen(on.pdf.text).length).toBeGreaterThan(0)
    expect(endsInHyphen(off.pdf.text)).toEqual([])
    expect(on.result.warnings).toEqual([])
    // Off, every word stands whole in the text layer.
    const words = allText(off.pdf.text).split(/\s+/)
    for (const word of longWords.split(' ')) expect(words.filter((w) => w === word)).toHaveLength(5)
  })

  test('German patterns apply with lang de-DE', async () => {
    const german = Array.from(
      { length: 6 },
      () => 'Donaudampfschifffahrtsgesellschaft Bundesverfassungsgericht Arbeitsunfähigkeitsbescheinigung',
    ).join(' ')
    const { pdf } = await render(
      `${frontMatter('hyphenate: true', 'lang: de-DE')}Sehr geehrte Damen und Herren,\n\n${german}\n\nMit freundlichen Grüßen\nKim Sample\n`,
    )
    expect(endsInHyphen(pdf.text).length).toBeGreaterThan(0)
  })

  test('URLs, e-mail addresses and names are never split, even with hyphenation on', async () => {
    const email = 'maximiliane.oberstaufenbach@personalabteilung-example.com'
    const link = 'https://example.org/internationalization/characteristically'
    const name = 'Oberstaufenbach'
    // The same sentence behind a growing prefix, so the address, the URL and the name land at every point of a line.
    const paragraphs = Array.from(
      { length: 16 },
      (_, i) => `${'Word '.repeat(i)}Please write to ${email} or see ${link} where ${name} explains ${longWords}.`,
    )
    const front = frontMatter('hyphenate: true', 'from:', `  name: Maximiliane ${name}`)
    const { pdf } = await render(body(front, ...paragraphs))
    const text = allText(pdf.text)
    const count = (s: string) => text.split(s).length - 1
    expect(count(email)).toBe(16)
    expect(count(link)).toBe(16)
    // In the body (the letterhead adds one more).
    expect(count(name)).toBeGreaterThanOrEqual(16)
    // Hyphenation was at work on the other words all the same.
    expect(endsInHyphen(pdf.text).length).toBeGreaterThan(0)
    for (const line of endsInHyphen(pdf.text)) {
      expect(line).not.toMatch(/Oberstauf\S*-$|https?:\S*-$|@\S*-$|maximiliane\S*-$/)
    }
  })

  test('a hyphenated letter keeps its lines inside the column', async () => {
    const { pdf } = await render(body(frontMatter('hyphenate: true'), paragraph))
    const right = mm(210) - classic.page.margin.right
    for (const line of linesOf(pdf.items)) expect(line.right).toBeLessThanOrEqual(right + 2)
  })
})
