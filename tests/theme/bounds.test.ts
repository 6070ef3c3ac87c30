// Every number a theme sets has bounds a real letter needs, and the page keeps a usable text area.
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { resolveTheme, themes } from '../../src/theme/index.js'
import { MIN_TEXT, pageBoxProblems } from '../../src/theme/page-box.js'
import { themeSchema, type Theme } from '../../src/theme/schema.js'
import { mm, PAPER_HEIGHT, PAPER_WIDTH } from '../../src/theme/units.js'

/** Every number schema in a schema, with its key path. */
function numbers(schema: z.ZodType, path: string[] = []): [string, z.ZodNumber][] {
  if (schema instanceof z.ZodNumber) return [[path.join('.'), schema]]
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, s]) => numbers(s, [...path, k]))
  if (schema instanceof z.ZodTuple) return (schema.def.items as z.ZodType[]).flatMap((s, i) => numbers(s, [...path, String(i)]))
  if (schema instanceof z.ZodArray) return numbers(schema.element as z.ZodType, [...path, '[]'])
  if (schema instanceof z.ZodOptional) return numbers(schema.unwrap() as z.ZodType, path)
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((s) => numbers(s, path))
  return []
}

describe('theme bounds', () => {
  const all = numbers(themeSchema)

  test('the schema is walked: it has dozens of numbers', () => {
    expect(all.length).toBeGreaterThan(60)
    expect(all.map(([p]) => p)).toContain('page.margin.left')
    expect(all.map(([p]) => p)).toContain('din.foldMarks.[]')
  })

  test.each(numbers(themeSchema).map(([p, s]) => [p, s] as const))('%s has a finite minimum and maximum', (_, schema) => {
    expect(Number.isFinite(schema.minValue)).toBe(true)
    expect(Number.isFinite(schema.maxValue)).toBe(true)
    expect(schema.maxValue!).toBeGreaterThan(schema.minValue!)
  })

  test('a value of 1e9 anywhere in a built-in theme is refused, naming its key', () => {
    for (const [path] of all.filter(([p]) => !p.includes('[]') && !p.startsWith('din.'))) {
      const keys = path.split('.')
      const theme = structuredClone(themes.classic!) as unknown as Record<string, unknown>
      let node = theme
      for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>
      // fit.minMargin is one number or one per side; the built-in one is a number.
      if (typeof node[keys.at(-1)!] !== 'number') continue
      node[keys.at(-1)!] = 1e9
      const result = themeSchema.safeParse(theme)
      expect(result.success, path).toBe(false)
      expect(result.error!.issues[0]!.path.join('.'), path).toBe(path)
    }
  })

  test.each(Object.keys(themes))('%s keeps a usable page on A4 and Letter paper', (name) => {
    for (const paper of ['A4', 'Letter'] as const) {
      const theme = resolveTheme({ theme: name, font: {}, colors: {}, paper })
      expect(pageBoxProblems(theme)).toEqual([])
      const { margin } = theme.page
      expect(PAPER_WIDTH[paper] - margin.left - margin.right).toBeGreaterThanOrEqual(MIN_TEXT)
      expect(PAPER_HEIGHT[paper] - margin.top - margin.bottom).toBeGreaterThanOrEqual(MIN_TEXT)
    }
  })
})

describe('the text area', () => {
  const withPage = (page: Partial<Theme['page']['margin']>, rest: Partial<Theme> = {}): Theme => ({
    ...themes.classic!,
    ...rest,
    page: { ...(rest.page ?? themes.classic!.page), margin: { ...themes.classic!.page.margin, ...page } },
  })

  test('left and right margins that leave less than 50 mm name the larger one', () => {
    expect(pageBoxProblems(withPage({ left: 200, right: 260 })).map((p) => p.path.join('.'))).toEqual(['page.margin.right'])
    expect(pageBoxProblems(withPage({ left: 260, right: 200 }))[0]!.message).toMatch(
      /^at most 253\.5 pt: with page\.margin\.right at 200 pt/,
    )
  })

  test('a --fit floor for the top margin that would run the header into the text names fit.minMargin', () => {
    expect(pageBoxProblems({ ...themes.classic!, fit: { ...themes.classic!.fit, minMargin: 20 } }).map((p) => p.path.join('.'))).toEqual([
      'fit.minMargin',
    ])
    const din = themes.din5008!
    const floor = din.fit.minMargin as Theme['page']['margin']
    expect(pageBoxProblems({ ...din, fit: { ...din.fit, minMargin: { ...floor, top: 20 } } }).map((p) => p.path.join('.'))).toEqual([
      'fit.minMargin.top',
    ])
  })

  test('an image taller than the text area is refused', () => {
    const theme = { ...themes.classic!, image: { ...themes.classic!.image, maxHeight: 700 } }
    expect(pageBoxProblems(theme).map((p) => p.path.join('.'))).toEqual(['image.maxHeight'])
  })

  test('DIN geometry off the sheet or leaving no text on page 1 names its key', () => {
    const din = themes.din5008!.din!
    const at = (over: Partial<typeof din>) => pageBoxProblems({ ...themes.din5008!, din: { ...din, ...over } }).map((p) => p.path.join('.'))
    expect(at({ addressField: { ...din.addressField, width: 560 } })).toEqual(['din.addressField.width'])
    expect(at({ infoBlock: { ...din.infoBlock, width: 300 } })).toEqual(['din.infoBlock.width'])
    expect(at({ notesZone: din.addressField.height + 1 })).toEqual(['din.notesZone'])
    expect(at({ addressField: { ...din.addressField, width: mm(5) } })).toEqual(['din.addressInset'])
    expect(at({ bodyTop: 700 })).toEqual(['din.bodyTop'])
    expect(at({ bodyTop: 10 })).toEqual(['din.bodyTop'])
  })

  test('a running header that ends below the top margin names page.headerOffset, or page.margin.top when that is too small for it', () => {
    const theme = { ...themes.classic!, page: { ...themes.classic!.page, headerOffset: 50 } }
    expect(pageBoxProblems(theme).map((p) => p.path.join('.'))).toEqual(['page.headerOffset'])
    expect(
      pageBoxProblems(withPage({ top: 5 }, { page: { ...themes.classic!.page, headerOffset: 0 } })).map((p) => p.path.join('.')),
    ).toEqual(['page.margin.top'])
  })
})
