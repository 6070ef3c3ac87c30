import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundledFontsDir } from './bundled-dir.js'
import { INVISIBLE } from './coverage.js'

/** The characters of the bundled faces' Latin subsets: the file fonts/subset.sh builds them from. */
export const LATIN_UNICODES = join(bundledFontsDir, 'latin.unicodes')

/** The code points a unicodes file lists (a code point or range in hex per line, '#' starts a comment), as ranges. */
export function unicodeRanges(text: string): [number, number][] {
  return text
    .split('\n')
    .flatMap((line) => line.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean))
    .map((item) => {
      const [from, to = from] = item.split('-').map((hex) => parseInt(hex, 16))
      return [from!, to!]
    })
}

/** Any character outside the Latin set (made from the file on first use). */
let outside: RegExp | undefined

/** Whether every character of `text` is one the Latin subsets have, or one that draws nothing. */
export function isLatin(text: string): boolean {
  outside ??= new RegExp(`[^${unicodeRanges(readFileSync(LATIN_UNICODES, 'utf8')).map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('')}]`, 'gu')
  for (const [char] of text.matchAll(outside)) if (!INVISIBLE.test(char)) return false
  return true
}
