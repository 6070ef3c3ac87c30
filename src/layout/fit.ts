import { LetterError } from '../parse/errors.js'
import type { Theme } from '../theme/index.js'
import { PAPER_HEIGHT, PAPER_WIDTH, toMm } from '../theme/units.js'
import type { LetterMeta } from '../types.js'

const SPACE_STEP = 0.1
const LEADING_STEP = 0.04
const SIZE_STEP = 0.25

/** Scale the theme's spacing by `k`, except the room left to sign by hand, which a letter cannot do without. */
const spaced = (space: Theme['space'], k: number) =>
  Object.fromEntries(Object.entries(space).map(([key, v]) => [key, key === 'signatureGap' ? v : v * k])) as Theme['space']

/**
 * The settings --fit may try, loosest first: the theme as it is; then spacing tightened in steps; then
 * leading; then type size and margins together — never past the bounds the theme declares.
 */
export function fitSteps(theme: Theme): Theme[] {
  const { minSpace, minLeading, minBody, minMargin } = theme.fit
  const steps: Theme[] = [theme]
  let space = 1
  while (space - SPACE_STEP >= minSpace - 1e-9) {
    space -= SPACE_STEP
    steps.push({ ...theme, space: spaced(theme.space, space) })
  }
  const tight = steps.at(-1)!
  let leading = theme.leading.body
  while (leading - LEADING_STEP >= minLeading - 1e-9) {
    leading -= LEADING_STEP
    steps.push({ ...tight, leading: { ...tight.leading, body: leading, heading: Math.min(tight.leading.heading, leading) } })
  }
  const leaded = steps.at(-1)!
  const sizeRange = theme.size.body - minBody
  let body = theme.size.body
  while (sizeRange > 0 && body - SIZE_STEP >= minBody - 1e-9) {
    body -= SIZE_STEP
    const k = body / theme.size.body
    // Margins move toward their floor in step with the type size; one already below the floor stays as it is.
    const t = (theme.size.body - body) / sizeRange
    const m = theme.page.margin
    const floor = typeof minMargin === 'number' ? { top: minMargin, right: minMargin, bottom: minMargin, left: minMargin } : minMargin
    const margin = (side: keyof typeof m) => (m[side] <= floor[side] ? m[side] : m[side] - (m[side] - floor[side]) * t)
    steps.push({
      ...leaded,
      size: {
        ...theme.size,
        body,
        small: theme.size.small * k,
        code: theme.size.code * k,
        title: theme.size.title * k,
        heading: theme.size.heading.map((h) => h * k) as Theme['size']['heading'],
      },
      page: { ...theme.page, margin: { top: margin('top'), right: margin('right'), bottom: margin('bottom'), left: margin('left') } },
    })
  }
  return steps
}

/** Share of a letter's height that is spacing between blocks rather than lines of text (an estimate). */
const SPACING_SHARE = 0.15
/** Height lost at page ends to blocks kept together (an estimate). */
const PAGE_END_WASTE = 0.03

/**
 * Guess the first step that fits `limit` pages, from how far the theme's own layout overflows: text height
 * grows with size² × leading ÷ column width, spacing with its scale. Only a starting point for the search.
 */
export function guessFitting(
  steps: Theme[],
  laid: { pages: number; lastPageFill: number },
  limit: number,
  paper: { width: number; height: number },
): number {
  const base = steps[0]!
  const area = (t: Theme) => paper.height - t.page.margin.top - t.page.margin.bottom
  const width = (t: Theme) => paper.width - t.page.margin.left - t.page.margin.right
  const spaceScale = (t: Theme) => t.space.paragraph / base.space.paragraph
  const height = (laid.pages - 1) * area(base) + laid.lastPageFill
  const index = steps.findIndex((t) => {
    const text = (t.size.body / base.size.body) ** 2 * (t.leading.body / base.leading.body) * (width(base) / width(t))
    const grown = height * ((1 - SPACING_SHARE) * text + SPACING_SHARE * spaceScale(t))
    return grown <= limit * area(t) * (1 - PAGE_END_WASTE)
  })
  return index === -1 ? steps.length - 1 : index
}

/**
 * The first index for which `fits` holds, assuming once a step fits every tighter one does; -1 if none.
 * A good `guess` settles it in two more calls (the guess fits, the step before does not); bisection otherwise.
 */
export async function firstFitting(count: number, fits: (index: number) => Promise<boolean>, guess?: number): Promise<number> {
  if (await fits(0)) return 0
  let lo = 0 // does not fit
  let hi = count // fits (count: not known yet)
  if (guess !== undefined && count > 1) {
    const g = Math.min(count - 1, Math.max(1, Math.round(guess)))
    if (await fits(g)) {
      if (g - 1 === lo || !(await fits(g - 1))) return g
      hi = g - 1
    } else {
      lo = g
    }
  }
  if (hi === count) {
    if (lo === count - 1 || !(await fits(count - 1))) return -1
    hi = count - 1
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (await fits(mid)) hi = mid
    else lo = mid
  }
  return hi
}

/** A paginated letter as the fit search reads it. */
export interface Paginated {
  pages: number
  /** Height in points of the flowing content on the last page, from its top margin down. */
  lastPageFill: number
}

/** How the fit search lays the letter out with a theme, and paginates it (passed in: the layout never draws). */
export interface Layouts<Element, Laid extends Paginated> {
  build: (theme: Theme) => Element
  paginate: (element: Element) => Promise<Laid>
}

/**
 * The letter paginated as laid out with its theme (`first`) — or, past max-pages with fit on, as laid out with
 * the loosest of the theme's fit steps that meets it. Past max-pages otherwise, or at every step, a LetterError
 * says by how much.
 */
export async function fitToPages<Element, Laid extends Paginated>(
  first: Element,
  { build, paginate }: Layouts<Element, Laid>,
  theme: Theme,
  meta: Pick<LetterMeta, 'maxPages' | 'fit' | 'paper'> & Partial<Pick<LetterMeta, 'layout'>>,
  file: string,
): Promise<Laid> {
  const laid = await paginate(first)
  const noun = meta.layout === 'cv' ? 'CV' : 'letter'
  const limit = meta.maxPages
  if (limit === undefined || laid.pages <= limit) return laid
  if (!meta.fit) {
    throw new LetterError(
      `${noun} runs to ${laid.pages} pages; at most ${limit} allowed (max-pages; fit: true or --fit may shrink it)`,
      null,
      null,
      file,
    )
  }
  const steps = fitSteps(theme)
  const tries = new Map<number, Laid>([[0, laid]])
  const attempt = async (i: number) => {
    if (!tries.has(i)) tries.set(i, await paginate(build(steps[i]!)))
    return tries.get(i)!.pages <= limit
  }
  const found = await firstFitting(
    steps.length,
    attempt,
    guessFitting(steps, laid, limit, { width: PAPER_WIDTH[meta.paper], height: PAPER_HEIGHT[meta.paper] }),
  )
  if (found === -1) throw doesNotFit(tries.get(steps.length - 1)!, limit, steps.at(-1)!, meta.paper, file, noun)
  return tries.get(found)!
}

/** The error for a letter (or CV: `noun`) that overflows `limit` pages even at the tightest step, which it names with the overflow. */
function doesNotFit(tightest: Paginated, limit: number, last: Theme, paper: LetterMeta['paper'], file: string, noun: string): LetterError {
  const lines = Math.ceil(overflow(tightest, limit, last, paper) / (last.size.body * last.leading.body))
  return new LetterError(
    `${noun} does not fit on ${limit} page${limit === 1 ? '' : 's'} even at the tightest setting the theme allows ` +
      `(body ${last.size.body} pt, leading ${last.leading.body.toFixed(2)}, margins ${Math.round(toMm(Math.min(...Object.values(last.page.margin))))} mm): ` +
      `it overflows by ${Math.round(toMm(overflow(tightest, limit, last, paper)))} mm (about ${lines} line${lines === 1 ? '' : 's'})`,
    null,
    null,
    file,
  )
}

/** How much flowing content stands beyond the allowed pages, in points: full pages past it, then the last. */
function overflow(laid: Paginated, limit: number, theme: Theme, paper: LetterMeta['paper']): number {
  const { margin } = theme.page
  const textArea = PAPER_HEIGHT[paper] - margin.top - margin.bottom
  return Math.max(0, laid.pages - limit - 1) * textArea + laid.lastPageFill
}
