import { Font } from '@react-pdf/renderer'
import type { Nodes, Root } from 'mdast'
import { message } from '../parse/message.js'
import { FALLBACKS_AT } from './fallbacks-hint.js'
import type { LetterMessage } from '../types.js'

type Face = { hasGlyphForCodePoint(codePoint: number): boolean }

/** Characters that draw nothing and need no glyph: spaces, controls, joiners, variation selectors. */
export const INVISIBLE = /[\p{Z}\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u

/** The loaded regular face of a family (registerFonts and Font.load have run). */
async function face(family: string): Promise<Face | undefined> {
  try {
    await Font.load({ fontFamily: family, fontWeight: 400, fontStyle: 'normal' } as never)
    const source = Font.getFont({ fontFamily: family, fontWeight: 400, fontStyle: 'normal' } as never) as unknown as { data?: Face }
    return source?.data?.hasGlyphForCodePoint ? source.data : undefined
  } catch {
    return undefined
  }
}

/** What a text is set in: the family first, then the fallbacks react-pdf tries for glyphs it lacks. */
export interface Stacks {
  body: string
  heading: string
  mono: string
  fallbacks: string[]
}

/**
 * Before layout, check every character against the fonts that will set it: react-pdf would otherwise draw a
 * character no font has as an empty box (or, unpatched, in a non-embedded Helvetica). One warning per
 * character, at its first place in the letter; `extra` are front-matter values (no line).
 */
export async function missingGlyphs(tree: Root, stacks: Stacks, extra: string[], lastResort: string): Promise<LetterMessage[]> {
  const faces = new Map<string, Face | undefined>()
  for (const family of new Set([stacks.body, stacks.heading, stacks.mono, ...stacks.fallbacks, lastResort])) faces.set(family, await face(family))
  const covered = (family: string, codePoint: number) =>
    [family, ...stacks.fallbacks, lastResort].some((f) => faces.get(f)?.hasGlyphForCodePoint(codePoint))

  const seen = new Set<string>()
  const warnings: LetterMessage[] = []
  const check = (text: string, family: string, start?: { line: number; column: number }) => {
    let line = start?.line ?? null
    let column = start?.column ?? null
    for (const char of text) {
      if (char === '\n') {
        if (line !== null) line++
        column = 1
        continue
      }
      const codePoint = char.codePointAt(0)!
      if (!seen.has(char) && !INVISIBLE.test(char) && !covered(family, codePoint)) {
        seen.add(char)
        const hex = codePoint.toString(16).toUpperCase().padStart(4, '0')
        warnings.push(message(`no font has "${char}" (U+${hex}); add a fallback font (${FALLBACKS_AT.markdown})`, 'letterpress:fonts', { line, column }))
      }
      // Columns count UTF-16 code units, as the Markdown parser's positions do.
      if (column !== null) column += char.length
    }
  }
  const walk = (node: Nodes, family: string) => {
    if (node.type === 'text') check(node.value, family, node.position?.start)
    else if (node.type === 'inlineCode') check(node.value, stacks.mono, node.position && { line: node.position.start.line, column: node.position.start.column + 1 })
    else if (node.type === 'code') check(node.value, stacks.mono, node.position && { line: node.position.start.line + 1, column: 1 })
    if ('children' in node) for (const child of node.children) walk(child, node.type === 'heading' ? stacks.heading : family)
  }
  walk(tree, stacks.body)
  for (const value of extra) check(value, stacks.body)
  return warnings
}
