import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { thrown } from '../helpers/errors.js'
import { LetterError } from '../../src/parse/errors.js'
import { isThemePath, resolveTheme, themes, type ThemeChoice } from '../../src/theme/index.js'
import { themeSchema } from '../../src/theme/schema.js'
import { inch, mm } from '../../src/theme/units.js'

const choice = (over: Partial<ThemeChoice> = {}): ThemeChoice => ({ theme: 'classic', font: {}, colors: {}, paper: 'A4', ...over })

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'letterpress-theme-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Write a theme file into the temp dir and return its name (relative to the dir). */
const themeFile = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return name
}

/** The LetterError that `fn` throws (fails the test when it throws nothing or something else). */
const errorOf = (fn: () => unknown): LetterError => {
  const e = thrown(fn)
  expect(e).toBeInstanceOf(LetterError)
  return e
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
const placeOf = (text: string, needle: string) => {
  const offset = text.indexOf(needle)
  if (offset < 0) throw new Error(`"${needle}" not in text`)
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

const closeTo = (a: number, b: number) => expect(a).toBeCloseTo(b, 6)

describe('built-in themes', () => {
  test('the three built-in themes are exactly classic, modern and din5008, each named for its key', () => {
    expect(Object.keys(themes).sort()).toEqual(['classic', 'din5008', 'modern'])
    for (const [key, theme] of Object.entries(themes)) expect(theme.name).toBe(key)
  })

  test.each(Object.keys(themes))('%s is valid per themeSchema', (name) => {
    const result = themeSchema.safeParse(themes[name])
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true)
  })

  test('classic sets a serif text face', () => {
    expect(themes.classic!.fonts.body).toBe('Noto Serif')
    expect(themes.classic!.fonts.heading).toBe('Noto Serif')
  })

  test('modern sets a sans face with a band letterhead', () => {
    expect(themes.modern!.fonts.body).toBe('Noto Sans')
    expect(themes.modern!.letterhead.style).toBe('band')
    expect(themes.modern!.letterhead.bandHeight).toBeGreaterThan(0)
    expect(themes.classic!.letterhead.style).toBe('rule')
  })

  test('din5008 has the DIN 5008 form B window and mark geometry', () => {
    const din = themes.din5008!.din
    expect(din).toBeDefined()
    closeTo(din!.addressField.left, mm(20))
    closeTo(din!.addressField.top, mm(45))
    closeTo(din!.addressField.width, mm(85))
    closeTo(din!.addressField.height, mm(45))
    expect(din!.foldMarks).toHaveLength(2)
    closeTo(din!.foldMarks[0]!, mm(105))
    closeTo(din!.foldMarks[1]!, mm(210))
    closeTo(din!.holeMark, mm(148.5))
    // Sanity: mm() converts millimetres to points (25.4 mm = 72 pt).
    expect(mm(25.4)).toBeCloseTo(72, 10)
  })

  test('only din5008 carries DIN geometry', () => {
    expect(themes.classic!.din).toBeUndefined()
    expect(themes.modern!.din).toBeUndefined()
  })
})

describe('isThemePath', () => {
  test.each(['classic', 'modern', 'din5008', 'my-theme'])('%s is a theme name', (name) => {
    expect(isThemePath(name)).toBe(false)
  })
  test.each(['./mine', 'themes/mine', 'themes\\mine', '/abs/mine', 'mine.yaml', 'mine.yml', 'mine.json', 'MINE.YAML'])(
    '%s is a theme file',
    (name) => {
      expect(isThemePath(name)).toBe(true)
    },
  )
})

describe('resolveTheme: built-in names', () => {
  test.each(Object.keys(themes))('%s on A4 without choices is the built-in theme', (name) => {
    expect(resolveTheme(choice({ theme: name }))).toEqual(themes[name])
  })

  test('an unknown built-in name throws listing the built-in names', () => {
    const e = errorOf(() => resolveTheme(choice({ theme: 'fancy' }), { file: 'x.md' }))
    expect(e.message).toContain('fancy')
    for (const name of ['classic', 'modern', 'din5008']) expect(e.message).toContain(name)
    expect(e.file).toBe('x.md')
  })

  test.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('"%s" is not a built-in theme', (name) => {
    const e = errorOf(() => resolveTheme(choice({ theme: name })))
    expect(e.message).toContain('classic')
  })

  test('does not modify the built-in theme objects', () => {
    const before = JSON.stringify(themes)
    resolveTheme(choice({ theme: 'modern', font: { body: 'Noto Serif' }, colors: { accent: '#123456' }, paper: 'Letter' }))
    expect(JSON.stringify(themes)).toBe(before)
  })
})

describe('resolveTheme: front-matter choices', () => {
  test('font.body changes the body and heading faces, and nothing else', () => {
    const theme = resolveTheme(choice({ font: { body: 'Noto Sans' } }))
    expect(theme.fonts.body).toBe('Noto Sans')
    expect(theme.fonts.heading).toBe('Noto Sans')
    expect(theme.fonts.mono).toBe(themes.classic!.fonts.mono)
    expect(theme.fonts.fallbacks).toEqual(themes.classic!.fonts.fallbacks)
  })

  test('font.heading and font.mono are set independently of body', () => {
    const theme = resolveTheme(choice({ font: { body: 'Noto Sans', heading: 'Noto Serif', mono: 'Courier' } }))
    expect(theme.fonts).toMatchObject({ body: 'Noto Sans', heading: 'Noto Serif', mono: 'Courier' })
    expect(resolveTheme(choice({ theme: 'modern', font: { heading: 'Noto Serif' } })).fonts).toMatchObject({
      body: 'Noto Sans',
      heading: 'Noto Serif',
    })
  })

  test('colors override the theme colours one by one', () => {
    const theme = resolveTheme(choice({ theme: 'modern', colors: { accent: '#123456' } }))
    expect(theme.colors.accent).toBe('#123456')
    expect(theme.colors.link).toBe(themes.modern!.colors.link)
    expect(theme.colors.text).toBe(themes.modern!.colors.text)
  })

  test('a colour name instead of a hex colour throws naming colors.accent', () => {
    const e = errorOf(() => resolveTheme(choice({ colors: { accent: 'blue' } }), { file: 'letter.md' }))
    expect(e.message).toContain('colors.accent')
    expect(e.message).not.toContain('Invalid input')
  })

  test('an unknown colour name throws naming it', () => {
    const e = errorOf(() => resolveTheme(choice({ colors: { acent: '#123456' } })))
    expect(e.message).toContain('acent')
  })
})

describe('resolveTheme: paper', () => {
  test('classic on US Letter gets one-inch margins and a flush-left date', () => {
    const theme = resolveTheme(choice({ paper: 'Letter' }))
    expect(theme.page.margin).toEqual({ top: 72, right: 72, bottom: 72, left: 72 })
    expect(inch(1)).toBe(72)
    expect(theme.letterhead.dateAlign).toBe('left')
    // The rest of the letterhead stays.
    expect(theme.letterhead.style).toBe(themes.classic!.letterhead.style)
    expect(theme.page.headerOffset).toBe(themes.classic!.page.headerOffset)
  })

  test('classic on A4 keeps its own margins and a right-aligned date', () => {
    const theme = resolveTheme(choice({ paper: 'A4' }))
    expect(theme.page.margin).toEqual(themes.classic!.page.margin)
    expect(theme.page.margin.top).not.toBeCloseTo(72, 1)
    expect(theme.letterhead.dateAlign).toBe('right')
  })

  test('din5008 has no Letter adjustments', () => {
    const theme = resolveTheme(choice({ theme: 'din5008', paper: 'Letter' }))
    expect(theme.page.margin).toEqual(themes.din5008!.page.margin)
    expect(theme.letterhead.dateAlign).toBe(themes.din5008!.letterhead.dateAlign)
  })
})

describe('resolveTheme: theme files', () => {
  test('a YAML file extending modern with overrides is modern with those values', () => {
    const file = themeFile('ext-modern.yaml', 'extends: modern\ncolors:\n  accent: "#aa0000"\nsize:\n  body: 11\n')
    const theme = resolveTheme(choice({ theme: file }), { baseDir: dir })
    expect(theme.colors.accent).toBe('#aa0000')
    expect(theme.size.body).toBe(11)
    // Everything else is modern's.
    expect(theme.name).toBe('modern')
    expect(theme.fonts).toEqual(themes.modern!.fonts)
    expect(theme.letterhead).toEqual(themes.modern!.letterhead)
    expect(theme.colors.link).toBe(themes.modern!.colors.link)
    expect(theme.size.small).toBe(themes.modern!.size.small)
    expect(theme).toEqual({
      ...themes.modern,
      colors: { ...themes.modern!.colors, accent: '#aa0000' },
      size: { ...themes.modern!.size, body: 11 },
    })
  })

  test('a JSON theme file works too, and an absolute path needs no baseDir', () => {
    const file = themeFile('ext.json', JSON.stringify({ extends: 'din5008', colors: { accent: '#123' } }))
    const theme = resolveTheme(choice({ theme: join(dir, file) }))
    expect(theme.colors.accent).toBe('#123')
    expect(theme.din).toEqual(themes.din5008!.din)
  })

  test('without extends a theme file builds on classic', () => {
    const file = themeFile('plain.yml', 'heading:\n  uppercase: true\n')
    const theme = resolveTheme(choice({ theme: file }), { baseDir: dir })
    expect(theme.heading.uppercase).toBe(true)
    expect(theme.name).toBe('classic')
    expect(theme.fonts).toEqual(themes.classic!.fonts)
    expect(theme.page).toEqual(themes.classic!.page)
  })

  test('an empty theme file is classic', () => {
    const file = themeFile('empty.yaml', '')
    expect(resolveTheme(choice({ theme: file }), { baseDir: dir })).toEqual(themes.classic)
  })

  test('front-matter choices and Letter paper apply on top of a theme file', () => {
    const file = themeFile('serif.yaml', 'extends: classic\ncolors:\n  accent: "#010203"\n')
    const theme = resolveTheme(choice({ theme: file, font: { body: 'Noto Sans' }, colors: { link: '#040506' }, paper: 'Letter' }), {
      baseDir: dir,
    })
    expect(theme.colors.accent).toBe('#010203')
    expect(theme.colors.link).toBe('#040506')
    expect(theme.fonts.body).toBe('Noto Sans')
    expect(theme.page.margin.left).toBe(72)
    expect(theme.letterhead.dateAlign).toBe('left')
  })

  test('the letter colour wins over the theme file colour', () => {
    const file = themeFile('accent.yaml', 'colors:\n  accent: "#010203"\n')
    expect(resolveTheme(choice({ theme: file, colors: { accent: '#0a0b0c' } }), { baseDir: dir }).colors.accent).toBe('#0a0b0c')
  })

  test('an invalid colour names colors.accent with its line and column in the file', () => {
    const text = 'extends: modern\n# the house colour\ncolors:\n  text: "#111111"\n  accent: red\n'
    const file = themeFile('bad-colour.yaml', text)
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir, file: 'letter.md' }))
    expect(e.message).toContain('colors.accent')
    expect(e.message).toContain('#')
    // The place of the offending entry: its line, at the invalid value.
    expect({ line: e.line, column: e.column }).toEqual(placeOf(text, 'red'))
    expect(e.line).toBe(placeOf(text, 'accent').line)
    // The error is about the theme file, not the letter.
    expect(e.file).toBe(join(dir, file))
  })

  test('an out-of-range size names size.body with its line', () => {
    const text = 'extends: classic\ncolors:\n  accent: "#123456"\nsize: { small: 8, body: 2 }\n'
    const file = themeFile('bad-size.yaml', text)
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.message).toContain('size.body')
    expect(e.message).not.toContain('letterPaper')
    // Says what the value should be, in words: the minimum body size is 6 pt.
    expect(e.message).toMatch(/at least 6\b/)
    expect(e.message).not.toMatch(/too small/i)
    expect(e.line).toBe(4)
    expect(e.column).toBe(placeOf(text, '2 }').column)
  })

  test('too large a value says the maximum', () => {
    const file = themeFile('big-leading.yaml', 'leading:\n  body: 5\n')
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.message).toContain('leading.body')
    expect(e.message).toMatch(/at most 3\b/)
    expect(e.line).toBe(2)
  })

  test('a wrong type names the key with its line', () => {
    const text = 'leading:\n  body: loose\n'
    const file = themeFile('bad-type.yaml', text)
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.message).toContain('leading.body')
    expect(e.line).toBe(2)
  })

  test('an unknown top-level key is named with its line', () => {
    const text = 'extends: modern\n\ncolours:\n  accent: "#123456"\n'
    const file = themeFile('unknown.yaml', text)
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.message).toContain('colours')
    expect(e.line).toBe(3)
    expect(e.column).toBe(1)
  })

  test('an unknown nested key is named with its full path and line', () => {
    const text = 'colors:\n  accent: "#123456"\n  acent: "#654321"\n'
    const file = themeFile('unknown-nested.yaml', text)
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.message).toContain('colors.acent')
    expect({ line: e.line, column: e.column }).toEqual(placeOf(text, 'acent'))
  })

  test('extends naming no built-in theme names "extends" with its line', () => {
    const text = '# my theme\nextends: fancy\n'
    const file = themeFile('bad-extends.yaml', text)
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.message).toContain('extends')
    for (const name of ['classic', 'modern', 'din5008']) expect(e.message).toContain(name)
    expect(e.line).toBe(2)
  })

  test('extends that is not a string is rejected too', () => {
    const file = themeFile('list-extends.yaml', 'extends: [modern]\n')
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.message).toContain('extends')
    expect(e.line).toBe(1)
  })

  test.each(['toString', 'constructor'])('extends cannot name the prototype property %s', (name) => {
    const file = themeFile(`proto-${name}.yaml`, `extends: ${name}\n`)
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.message).toContain('extends')
    expect(e.line).toBe(1)
  })

  test('a theme file may set its own Letter-paper values', () => {
    const file = themeFile('letter-ok.yaml', 'letterPaper:\n  page:\n    margin: { top: 50, right: 50, bottom: 50, left: 50 }\n')
    const onLetter = resolveTheme(choice({ theme: file, paper: 'Letter' }), { baseDir: dir })
    expect(onLetter.page.margin).toEqual({ top: 50, right: 50, bottom: 50, left: 50 })
    // Merged into classic's Letter values: the date still moves left.
    expect(onLetter.letterhead.dateAlign).toBe('left')
    expect(resolveTheme(choice({ theme: file, paper: 'A4' }), { baseDir: dir }).page.margin).toEqual(themes.classic!.page.margin)
  })

  test('invalid Letter-paper values in a theme file are rejected on Letter paper, with their line', () => {
    const text = 'extends: modern\nletterPaper:\n  size:\n    body: 2\n'
    const file = themeFile('letter-bad.yaml', text)
    const e = errorOf(() => resolveTheme(choice({ theme: file, paper: 'Letter' }), { baseDir: dir }))
    expect(e.message).toContain('letterPaper.size.body')
    expect(e.line).toBe(4)
    expect(e.file).toBe(join(dir, file))
  })

  test('unknown Letter-paper keys in a theme file are rejected on Letter paper', () => {
    const text = 'letterPaper:\n  colours:\n    accent: "#123456"\n'
    const file = themeFile('letter-unknown.yaml', text)
    const e = errorOf(() => resolveTheme(choice({ theme: file, paper: 'Letter' }), { baseDir: dir }))
    expect(e.message).toContain('letterPaper.colours')
    expect(e.line).toBe(2)
  })

  test('a missing theme file throws naming it', () => {
    const e = errorOf(() => resolveTheme(choice({ theme: 'nowhere/theme.yaml' }), { baseDir: dir, file: 'letter.md' }))
    expect(e.message).toContain('nowhere/theme.yaml')
    expect(e.file).toBe('letter.md')
  })

  test('a theme file is found relative to baseDir', () => {
    themeFile('rel.yaml', 'colors:\n  accent: "#abcdef"\n')
    expect(resolveTheme(choice({ theme: './rel.yaml' }), { baseDir: dir }).colors.accent).toBe('#abcdef')
    expect(() => resolveTheme(choice({ theme: './rel.yaml' }), { baseDir: join(dir, 'elsewhere') })).toThrow(LetterError)
  })

  test('invalid YAML in a theme file throws with its place', () => {
    const file = themeFile('broken.yaml', 'colors:\n  accent: "#123\n  text: [\n')
    const e = errorOf(() => resolveTheme(choice({ theme: file }), { baseDir: dir }))
    expect(e.line).not.toBeNull()
  })

  test('a bad front-matter colour with a theme file is not blamed on the theme file', () => {
    const file = themeFile('fine.yaml', 'extends: modern\n')
    const e = errorOf(() => resolveTheme(choice({ theme: file, colors: { accent: 'blue' } }), { baseDir: dir, file: 'letter.md' }))
    expect(e.message).toContain('colors.accent')
    // The value came from the letter, so the message must not point into the theme file.
    expect(e.file).not.toBe(join(dir, file))
    expect(e.file).toBe('letter.md')
    expect(e.line).toBeNull()
  })
})

describe('resolveTheme: a theme file on Letter paper', () => {
  test('the file’s own values win over the built-in Letter adjustments', () => {
    const file = themeFile('margins.yaml', 'extends: classic\npage:\n  margin: { top: 40, right: 30, bottom: 30, left: 30 }\n')
    const theme = resolveTheme(choice({ theme: file, paper: 'Letter' }), { baseDir: dir })
    expect(theme.page.margin).toEqual({ top: 40, right: 30, bottom: 30, left: 30 })
    // The built-in Letter adjustments the file does not touch still apply.
    expect(theme.letterhead.dateAlign).toBe('left')
  })
})
