// installShapingCache patches fontkit's font class once per process; this file runs in its own worker, and takes
// its uncached references before installing it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { beforeAll, describe, expect, test } from 'vitest'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { installShapingCache, SHAPING_CACHE_SIZE } from '../../src/patches/fontkit-shaping-cache.js'
import { cannot } from './cannot.js'

type Glyph = { id: number }
type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }
type Run = { glyphs: Glyph[]; positions: Position[] }
type ShapingFont = {
  layout(text: string | Glyph[], features?: unknown, script?: string, language?: string, direction?: string): Run
  glyphsForString(text: string): Glyph[]
}

const open = (file = 'noto-serif/NotoSerif-Regular.ttf') =>
  fontkit.create(readFileSync(join(bundledFontsDir, file))) as unknown as ShapingFont
const ids = (run: Run) => run.glyphs.map((g) => g.id)
const positions = (run: Run) => run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset }))

const TEXTS = ['Hello world', 'office affair', 'Ἀθῆναι a\u0301']
let reference: Map<string, Run>

beforeAll(() => {
  // Before the patch: every layout is a new run, which is what the cache changes.
  const plain = open()
  expect(plain.layout('Hello world') === plain.layout('Hello world')).toBe(false)
  reference = new Map(TEXTS.map((text) => [text, plain.layout(text)]))
  installShapingCache(open())
})

describe('shaping cache', () => {
  test('the same text shapes to the same run; other text, features, script or direction do not', () => {
    const font = open()
    const run = font.layout('Hello world')
    expect(font.layout('Hello world') === run).toBe(true)
    expect(font.layout('Hello world', undefined, undefined, undefined, undefined) === run).toBe(true)
    const other = font.layout('Hello there')
    expect(other === run).toBe(false)
    expect(ids(other)).not.toEqual(ids(run))
    // Features change shaping, so they are part of the key: no ligature without liga, small caps with smcp.
    const liga = font.layout('office')
    const noLiga = font.layout('office', { liga: false })
    const smcp = font.layout('office', ['smcp'])
    expect(noLiga === liga).toBe(false)
    expect(ids(noLiga)).not.toEqual(ids(liga))
    expect(ids(noLiga)).toHaveLength(6)
    expect(ids(smcp)).not.toEqual(ids(noLiga))
    expect(font.layout('office', { liga: false }) === noLiga).toBe(true)
    expect(font.layout('office', ['smcp']) === smcp).toBe(true)
    expect(font.layout('office') === liga).toBe(true)
    // Script, language and direction too (fontkit reverses a right-to-left run).
    expect(font.layout('Hello world', undefined, 'latn') === run).toBe(false)
    expect(font.layout('Hello world', undefined, undefined, 'DEU') === run).toBe(false)
    const rtl = font.layout('abc', undefined, undefined, undefined, 'rtl')
    const ltr = font.layout('abc', undefined, undefined, undefined, 'ltr')
    expect(ltr === rtl).toBe(false)
    expect(ids(rtl)).toEqual([...ids(ltr)].reverse())
  })

  test('cached runs are what fontkit shapes without the cache', () => {
    const font = open()
    for (const text of TEXTS) {
      font.layout(text)
      const cached = font.layout(text)
      expect(font.layout(text) === cached).toBe(true)
      // A separately created font has its own cache, so its first layout is shaped afresh.
      const fresh = open().layout(text)
      expect(fresh === cached).toBe(false)
      for (const expected of [fresh, reference.get(text)!]) {
        expect(ids(cached), text).toEqual(ids(expected))
        expect(positions(cached), text).toEqual(positions(expected))
      }
    }
  })

  test('each font keeps its own runs: another face never answers from this one', () => {
    const regular = open()
    const bold = open('noto-serif/NotoSerif-Bold.ttf')
    const r = regular.layout('Hello world')
    const b = bold.layout('Hello world')
    expect(b === r).toBe(false)
    expect(positions(b)).not.toEqual(positions(r))
    expect(bold.layout('Hello world') === b).toBe(true)
  })

  test('a cached run cannot be scaled in place by a later caller (it would corrupt it for everyone)', () => {
    const run = open().layout('frozen positions')
    expect(() => {
      run.positions[0]!.xAdvance *= 2
    }).toThrow(TypeError)
  })

  test('a run of glyphs (not a string) is shaped, not answered from the cache', () => {
    const font = open()
    const ab = font.layout(font.glyphsForString('ab'))
    const xy = font.layout(font.glyphsForString('xy'))
    expect(ids(xy)).toEqual(ids(font.layout('xy')))
    expect(ids(xy)).not.toEqual(ids(ab))
  })

  test(`holds ${SHAPING_CACHE_SIZE} runs per font, dropping the least recently used`, () => {
    const font = open()
    const first = font.layout('first')
    const second = font.layout('second')
    for (let i = 0; i < SHAPING_CACHE_SIZE - 2; i++) font.layout(`filler ${i}`)
    // Exactly full: nothing dropped yet, and using "first" makes it the most recent.
    expect(font.layout('first') === first).toBe(true)
    font.layout('one more')
    // "second" was the least recently used: dropped, and shaped again (to the same glyphs) when asked.
    expect(font.layout('first') === first).toBe(true)
    const again = font.layout('second')
    expect(again === second).toBe(false)
    expect(ids(again)).toEqual(ids(second))
  })

  test(`more than ${SHAPING_CACHE_SIZE} distinct texts drop the oldest`, () => {
    const font = open()
    const first = font.layout('first')
    for (let i = 0; i < SHAPING_CACHE_SIZE; i++) font.layout(`w${i}`)
    const last = font.layout(`w${SHAPING_CACHE_SIZE - 1}`)
    expect(font.layout('first') === first).toBe(false)
    expect(font.layout(`w${SHAPING_CACHE_SIZE - 1}`) === last).toBe(true)
  })
})

describe('shaping cache target', () => {
  test('a font whose class has no layout, or another one, is refused by name and version', () => {
    expect(() => installShapingCache({})).toThrow(cannot('fontkit', 'TTFFont.prototype.layout is missing'))
    expect(() => installShapingCache({ layout: (text: string) => text })).toThrow(
      cannot('fontkit', 'TTFFont.prototype.layout declares 1 parameters, not 5'),
    )
    const moved = {
      layout: (text: string, features: unknown, script: string, language: string, direction: string) => [
        text,
        features,
        script,
        language,
        direction,
      ],
    }
    expect(() => installShapingCache(moved)).toThrow(
      cannot(
        'fontkit',
        'TTFFont.prototype.layout is not the one this patch was written for (its source lacks "this._layoutEngine.layout(")',
      ),
    )
  })
})
