import { describe, expect, test } from 'vitest'
import { firstFitting, fitSteps, fitToPages, guessFitting } from '../../src/layout/fit.js'
import { LetterError } from '../../src/parse/errors.js'
import { PAPER_HEIGHT, PAPER_WIDTH } from '../../src/theme/units.js'
import { themes, type Theme } from '../../src/theme/index.js'
import { themeSchema } from '../../src/theme/schema.js'
import { pageBoxProblems } from '../../src/theme/page-box.js'
import { mm } from '../../src/theme/units.js'

// The steps are computed by repeated subtraction, so allow for floating-point error (the module itself uses 1e-9).
const EPS = 1e-9
const SIDES = ['top', 'right', 'bottom', 'left'] as const
const SPACE_KEYS = Object.keys(themes.classic!.space) as (keyof Theme['space'])[]

/** How much a step's spacing is scaled relative to the theme's (paragraph spacing is never 0 in the built-ins). */
const spaceFactor = (step: Theme, theme: Theme) => step.space.paragraph / theme.space.paragraph

describe.each(Object.keys(themes))('fitSteps(%s)', (name) => {
  const theme = themes[name]!
  const steps = fitSteps(theme)
  const last = steps.at(-1)!

  test('starts with the theme itself and has tighter steps after it', () => {
    expect(steps[0]).toBe(theme)
    expect(steps.length).toBeGreaterThan(1)
  })

  test('every step is a valid theme', () => {
    for (const step of steps) {
      expect(themeSchema.safeParse(step).success).toBe(true)
      expect(pageBoxProblems(step)).toEqual([])
    }
  })

  test('every later step is at least as tight as the one before', () => {
    for (let i = 1; i < steps.length; i++) {
      const [prev, cur] = [steps[i - 1]!, steps[i]!]
      for (const key of SPACE_KEYS) {
        if (key === 'signatureGap') expect(cur.space.signatureGap).toBe(theme.space.signatureGap)
        else expect(cur.space[key], `step ${i} space.${key}`).toBeLessThanOrEqual(prev.space[key] + EPS)
      }
      expect(cur.leading.body, `step ${i} leading.body`).toBeLessThanOrEqual(prev.leading.body + EPS)
      expect(cur.leading.heading, `step ${i} leading.heading`).toBeLessThanOrEqual(prev.leading.heading + EPS)
      expect(cur.size.body, `step ${i} size.body`).toBeLessThanOrEqual(prev.size.body + EPS)
      for (const side of SIDES) expect(cur.page.margin[side], `step ${i} margin.${side}`).toBeLessThanOrEqual(prev.page.margin[side] + EPS)
    }
  })

  test('each step changes something (no duplicate steps)', () => {
    const key = (t: Theme) => JSON.stringify([t.space, t.leading, t.size, t.page])
    expect(new Set(steps.map(key)).size).toBe(steps.length)
  })

  test('all spacing scales by one factor, and the signature gap never changes', () => {
    for (const step of steps) {
      const k = spaceFactor(step, theme)
      for (const key of SPACE_KEYS) {
        if (key === 'signatureGap') expect(step.space[key]).toBe(theme.space[key])
        else expect(step.space[key]).toBeCloseTo(theme.space[key] * k, 9)
      }
    }
  })

  /** The theme's margin floor for one side: one number for all sides, or one per side. */
  const floorOf = (min: Theme['fit']['minMargin'], side: (typeof SIDES)[number]) => (typeof min === 'number' ? min : min[side])

  test('never passes the theme’s fit bounds', () => {
    const { minBody, minLeading, minMargin, minSpace } = theme.fit
    expect(minBody).toBe(9.5)
    for (const step of steps) {
      expect(step.size.body).toBeGreaterThanOrEqual(minBody - EPS)
      expect(step.leading.body).toBeGreaterThanOrEqual(minLeading - EPS)
      expect(spaceFactor(step, theme)).toBeGreaterThanOrEqual(minSpace - EPS)
      for (const side of SIDES)
        expect(step.page.margin[side]).toBeGreaterThanOrEqual(Math.min(floorOf(minMargin, side), theme.page.margin[side]) - EPS)
    }
  })

  test('the last step reaches the bounds (within one step of each)', () => {
    const { minBody, minLeading, minMargin, minSpace } = theme.fit
    // Spacing goes down in tenths, leading in 0.04, type in quarter points.
    expect(spaceFactor(last, theme) - minSpace).toBeLessThan(0.1 + EPS)
    expect(last.leading.body - minLeading).toBeLessThan(0.04 + EPS)
    expect(last.size.body - minBody).toBeLessThan(0.25 + EPS)
    // The built-in body sizes are a whole number of quarter points above minBody, so type and margins reach their floors.
    expect(last.size.body).toBeCloseTo(minBody, 9)
    for (const side of SIDES) expect(last.page.margin[side]).toBeCloseTo(Math.min(floorOf(minMargin, side), theme.page.margin[side]), 6)
  })

  test('smaller type scales the other text sizes with it', () => {
    const k = last.size.body / theme.size.body
    expect(k).toBeLessThan(1)
    expect(last.size.small).toBeCloseTo(theme.size.small * k, 9)
    expect(last.size.code).toBeCloseTo(theme.size.code * k, 9)
    expect(last.size.heading[0]).toBeCloseTo(theme.size.heading[0] * k, 9)
  })

  test('leaves the rest of the theme alone', () => {
    for (const step of steps) {
      expect(step.fonts).toEqual(theme.fonts)
      expect(step.colors).toEqual(theme.colors)
      expect(step.din).toEqual(theme.din)
      expect(step.letterhead).toEqual(theme.letterhead)
      expect(step.fit).toEqual(theme.fit)
    }
  })

  test('does not modify the theme', () => {
    const before = JSON.stringify(theme)
    fitSteps(theme)
    expect(JSON.stringify(theme)).toBe(before)
  })
})

describe('fitSteps with custom bounds', () => {
  const classic = themes.classic!

  test('a margin already below minMargin is never widened', () => {
    const theme: Theme = { ...classic, page: { ...classic.page, margin: { ...classic.page.margin, top: mm(10) } } }
    const steps = fitSteps(theme)
    for (const step of steps) expect(step.page.margin.top).toBeLessThanOrEqual(mm(10) + EPS)
    // The other margins still go down to the floor.
    expect(steps.at(-1)!.page.margin.left).toBeCloseTo(classic.fit.minMargin as number, 6)
  })

  test('din5008 keeps 25 mm on the left and 20 mm on the right at its tightest', () => {
    const last = fitSteps(themes.din5008!).at(-1)!
    expect(last.page.margin.left).toBeCloseTo(mm(25), 6)
    expect(last.page.margin.right).toBeCloseTo(mm(20), 6)
    expect(last.page.margin.top).toBeCloseTo(mm(15), 6)
  })

  test('bounds at the theme’s own values give just the theme', () => {
    const theme: Theme = { ...classic, fit: { minBody: classic.size.body, minLeading: classic.leading.body, minMargin: 0, minSpace: 1 } }
    expect(fitSteps(theme)).toEqual([theme])
  })

  test('a body size already below minBody is not enlarged', () => {
    const theme: Theme = { ...classic, size: { ...classic.size, body: 9 } }
    for (const step of fitSteps(theme)) expect(step.size.body).toBe(9)
  })
})

/** A monotone predicate "fits from `threshold` on", counting its calls. */
const counting = (threshold: number) => {
  const calls: number[] = []
  const fits = async (i: number) => {
    calls.push(i)
    return i >= threshold
  }
  return { fits, calls }
}

describe('firstFitting', () => {
  test('returns 0 when the first step fits, calling fits once', async () => {
    const { fits, calls } = counting(0)
    expect(await firstFitting(20, fits)).toBe(0)
    expect(calls).toEqual([0])
  })

  test('returns -1 when even the last step does not fit', async () => {
    const { fits, calls } = counting(Infinity)
    expect(await firstFitting(20, fits)).toBe(-1)
    expect(calls).toContain(19)
    expect(calls.length).toBeLessThanOrEqual(2)
  })

  test('a single step that does not fit gives -1', async () => {
    const { fits, calls } = counting(1)
    expect(await firstFitting(1, fits)).toBe(-1)
    expect(Math.max(...calls)).toBe(0)
  })

  test.each([2, 3, 7, 16, 17, 33, 100])('finds the first fitting step of %i for every threshold, in O(log n) calls', async (count) => {
    const budget = Math.ceil(Math.log2(count)) + 2
    for (let threshold = 0; threshold < count; threshold++) {
      const { fits, calls } = counting(threshold)
      expect(await firstFitting(count, fits), `threshold ${threshold}`).toBe(threshold)
      expect(calls.length, `calls for threshold ${threshold}`).toBeLessThanOrEqual(budget)
      // Only asks about steps that exist.
      for (const i of calls) expect(i >= 0 && i < count && Number.isInteger(i)).toBe(true)
    }
  })

  test('works with the real steps of a theme', async () => {
    const steps = fitSteps(themes.classic!)
    // "Fits" once the body text is 10 pt or smaller.
    const found = await firstFitting(steps.length, async (i) => steps[i]!.size.body <= 10)
    expect(steps[found]!.size.body).toBe(10)
    expect(steps[found - 1]!.size.body).toBeGreaterThan(10)
  })

  test('a right guess settles it in two calls after the first: the guess fits, the step before does not', async () => {
    const { fits, calls } = counting(9)
    expect(await firstFitting(16, fits, 9)).toBe(9)
    expect(calls).toEqual([0, 9, 8])
  })

  test.each([0, 1, 5, 15, 40, -3])('any guess (%i) still finds the first fitting step for every threshold', async (guess) => {
    for (let threshold = 0; threshold <= 16; threshold++) {
      const { fits, calls } = counting(threshold)
      expect(await firstFitting(16, fits, guess), `threshold ${threshold}`).toBe(threshold === 16 ? -1 : threshold)
      for (const i of calls) expect(i >= 0 && i < 16).toBe(true)
    }
  })
})

describe('guessFitting', () => {
  const steps = fitSteps(themes.classic!)
  const a4 = { width: PAPER_WIDTH.A4, height: PAPER_HEIGHT.A4 }
  test('a few lines over guesses an early (loose) step; a page over guesses a tight one; more than the tightest gives the last', () => {
    const slight = guessFitting(steps, { pages: 2, lastPageFill: 20 }, 1, a4)
    const page = guessFitting(steps, { pages: 2, lastPageFill: 250 }, 1, a4)
    expect(slight).toBeGreaterThan(0)
    expect(slight).toBeLessThan(page)
    expect(guessFitting(steps, { pages: 3, lastPageFill: 700 }, 1, a4)).toBe(steps.length - 1)
  })
})

describe('fitToPages', () => {
  const theme = themes.classic!
  const steps = fitSteps(theme)
  const FILE = 'letters/long.md'
  /** Layouts of the theme's steps (the element is the theme itself): `pages(i)` pages for step i, counted as they are built. */
  const layouts = (pages: (step: number) => number, lastPageFill = 100) => {
    const built: number[] = []
    // fitToPages computes the steps itself: the same settings, other objects.
    const stepOf = (t: Theme) => steps.findIndex((s) => JSON.stringify(s) === JSON.stringify(t))
    return {
      built,
      build: (t: Theme) => (built.push(stepOf(t)), t),
      paginate: async (t: Theme) => ({ pages: pages(stepOf(t)), lastPageFill, step: stepOf(t) }),
    }
  }
  const A4 = { paper: 'A4' as const }
  const errorOf = async (run: Promise<unknown>) => {
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(LetterError)
    return error as LetterError
  }

  test('a letter within max-pages, or without it, is the first layout: nothing else is built', async () => {
    for (const meta of [
      { ...A4, maxPages: 2, fit: true },
      { ...A4, maxPages: undefined, fit: true },
    ]) {
      const l = layouts(() => 2)
      expect(await fitToPages(theme, l, theme, meta, FILE)).toEqual({ pages: 2, lastPageFill: 100, step: 0 })
      expect(l.built).toEqual([])
    }
  })

  test('past max-pages without fit, the error names the pages and the way to shrink it', async () => {
    const error = await errorOf(
      fitToPages(
        theme,
        layouts(() => 3),
        theme,
        { ...A4, maxPages: 1, fit: false },
        FILE,
      ),
    )
    expect(error.message).toBe('letter runs to 3 pages; at most 1 allowed (max-pages; fit: true or --fit may shrink it)')
    expect([error.line, error.column, error.file]).toEqual([null, null, FILE])
  })

  test('with fit, the loosest step that meets max-pages is the layout', async () => {
    const l = layouts((i) => (i >= 5 ? 1 : 2))
    expect(await fitToPages(theme, l, theme, { ...A4, maxPages: 1, fit: true }, FILE)).toMatchObject({ pages: 1, step: 5 })
    expect(l.built).toContain(5)
    expect(l.built).not.toContain(0)
  })

  test('when no step fits, the error names the tightest setting and the overflow in mm and lines', async () => {
    // Three pages for one: a whole text area (756.85 pt) past the limit plus the last page's 100 pt, at 9.5 pt × 1.22 a line.
    const once = await errorOf(
      fitToPages(
        theme,
        layouts(() => 3),
        theme,
        { ...A4, maxPages: 1, fit: true },
        FILE,
      ),
    )
    expect(once.message).toBe(
      'letter does not fit on 1 page even at the tightest setting the theme allows (body 9.5 pt, leading 1.22, margins 15 mm): it overflows by 302 mm (about 74 lines)',
    )
    expect([once.line, once.column, once.file]).toEqual([null, null, FILE])
    const twice = await errorOf(
      fitToPages(
        theme,
        layouts(() => 3, 10),
        theme,
        { ...A4, maxPages: 2, fit: true },
        FILE,
      ),
    )
    expect(twice.message).toBe(
      'letter does not fit on 2 pages even at the tightest setting the theme allows (body 9.5 pt, leading 1.22, margins 15 mm): it overflows by 4 mm (about 1 line)',
    )
  })
})
