import type { Theme } from '../theme/index.js'

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

/** The first index for which `fits` holds, assuming once a step fits every tighter one does; -1 if none. */
export async function firstFitting(count: number, fits: (index: number) => Promise<boolean>): Promise<number> {
  if (await fits(0)) return 0
  if (count < 2 || !(await fits(count - 1))) return -1
  let lo = 0 // does not fit
  let hi = count - 1 // fits
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (await fits(mid)) hi = mid
    else lo = mid
  }
  return hi
}
