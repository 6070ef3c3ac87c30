/** Millimetres to points. */
export const mm = (v: number) => (v * 72) / 25.4

/** Points to millimetres. */
export const toMm = (pt: number) => (pt * 25.4) / 72

/** Inches to points. */
export const inch = (v: number) => v * 72

/** Sheet heights in points (A4 297 mm, US Letter 11 in). */
export const PAPER_HEIGHT = { A4: mm(297), Letter: inch(11) } as const

/** Sheet widths in points (A4 210 mm, US Letter 8.5 in). */
export const PAPER_WIDTH = { A4: mm(210), Letter: inch(8.5) } as const

/** The smaller of A4 and US Letter in each direction (A4's width, Letter's height): a theme must fit both. */
export const SMALLEST_SHEET = {
  width: Math.min(PAPER_WIDTH.A4, PAPER_WIDTH.Letter),
  height: Math.min(PAPER_HEIGHT.A4, PAPER_HEIGHT.Letter),
} as const
