import type { Measure } from '../fonts/measure.js'

/** Characters after which a long token (a URL, say) breaks most naturally. */
const SOFT_BREAK_AFTER = /[/\-.?&=_#,;:]/

/**
 * Break tokens wider than the column into lines that fit, so a 1,000-character URL wraps inside the text
 * column instead of running off the page. react-pdf only breaks at spaces (or with an inserted hyphen,
 * which would corrupt a URL), so the breaks are explicit line breaks, preferably after / - . ? & =.
 */
export function wrapLongTokens(text: string, columnWidth: number, size: number, measure: Measure): string {
  // Measured in the regular face; bold and italic run a little wider, so keep some room.
  const width = columnWidth * 0.94
  if (width <= 0) return text
  return text.replace(/\S+/g, (token) => {
    if (token.length < 12 || measure(token, size) <= width) return token
    const chars = [...token]
    const lines: string[] = []
    let line = ''
    for (const char of chars) {
      if (line && measure(line + char, size) > width) {
        // Prefer a break after a natural separator in the last third of the line.
        const cut = Math.max(...[...line].map((c, i) => (SOFT_BREAK_AFTER.test(c) ? i + 1 : -1)))
        const split = cut > (line.length * 2) / 3 ? cut : line.length
        lines.push([...line].slice(0, split).join(''))
        line = [...line].slice(split).join('')
      }
      line += char
    }
    lines.push(line)
    return lines.join('\n')
  })
}
