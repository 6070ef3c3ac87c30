/** Millimetres to points. */
export const mm = (v: number) => (v * 72) / 25.4

/** Inches to points. */
export const inch = (v: number) => v * 72
