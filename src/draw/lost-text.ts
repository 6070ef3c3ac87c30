import type { Instance } from './instances.js'

/** How far (in points) drawn text may stand past the sheet's edge or its box before it counts as lost: rounding, not loss. */
const TOLERANCE = 1
/** Words of a lost line quoted in the message. */
const QUOTED_WORDS = 6

type Glyph = { codePoints?: number[] }
type Run = { glyphs?: Glyph[]; positions?: { xAdvance?: number }[]; xAdvance?: number }
type Line = { string?: string; box?: { x: number; y: number; height: number }; runs?: Run[]; xAdvance?: number }
type Box = { left?: number; top?: number; width?: number; height?: number; paddingLeft?: number; paddingTop?: number }
type Node = { type: string; box?: Box; lines?: Line[]; alignOffset?: number; children?: Node[] }

const isSpace = (cp: number) => cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0xa0 || cp === 0xad || (cp >= 0x2000 && cp <= 0x200b)

/** The advance of a line's glyphs without its trailing spaces (react-pdf keeps the space a line broke at). */
function inkWidth(line: Line): number {
  let width = line.xAdvance ?? (line.runs ?? []).reduce((sum, run) => sum + (run.xAdvance ?? 0), 0)
  const runs = line.runs ?? []
  for (let r = runs.length - 1; r >= 0; r--) {
    const { glyphs = [], positions = [] } = runs[r]!
    for (let g = glyphs.length - 1; g >= 0; g--) {
      const cps = glyphs[g]!.codePoints ?? []
      if (!cps.length || !cps.every(isSpace)) return width
      width -= positions[g]?.xAdvance ?? 0
    }
  }
  return width
}

/** The first words of a text, for a message. */
const quote = (text: string) => {
  const words = text.trim().split(/\s+/)
  return `"${words.slice(0, QUOTED_WORDS).join(' ')}${words.length > QUOTED_WORDS ? ' …' : ''}"`
}

/**
 * Text that the layout drew where no one can read it: lines past the sheet's edges, or a block of text laid
 * out in no width (under a point: its glyphs stand on top of their neighbours). Returns what is lost, as a sentence for the
 * letter's error, or null when every line is on its page. It reads the laid-out tree react-pdf's renderer draws:
 * boxes relative to their parent, text lines relative to their block, as the renderer places them.
 */
export function lostText(layout: Instance): string | null {
  const pages = (layout.children ?? []) as unknown as Node[]
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p]!
    const width = page.box?.width ?? Infinity
    const height = page.box?.height ?? Infinity
    // An explicit stack of [node, x, y]: x and y are where the node's parent places its children.
    // Children go on the stack last first, so the first lost line found is the first in reading order.
    const stack: [Node, number, number][] = (page.children ?? []).map((c): [Node, number, number] => [c, 0, 0]).reverse()
    while (stack.length) {
      const [node, x, y] = stack.pop()!
      const box = node.box ?? {}
      if (node.type === 'TEXT') {
        const lines = (node.lines ?? []).filter((l) => l.string?.trim())
        if (!lines.length) continue
        if ((box.width ?? 0) < TOLERANCE)
          return `text is set in no width on page ${p + 1} (${quote(lines.map((l) => l.string).join(' '))}): the layout cannot set it (nested too deeply, or in too narrow a column)`
        const left = x + (box.left ?? 0) + (box.paddingLeft ?? 0) - (node.alignOffset ?? 0)
        const top = y + (box.top ?? 0) + (box.paddingTop ?? 0) - (node.lines![0]?.box?.y ?? 0)
        for (const line of lines) {
          const lx = left + (line.box?.x ?? 0)
          const ly = top + (line.box?.y ?? 0)
          const off =
            lx < -TOLERANCE ||
            ly < -TOLERANCE ||
            lx + inkWidth(line) > width + TOLERANCE ||
            ly + (line.box?.height ?? 0) > height + TOLERANCE
          if (off)
            return `text runs off page ${p + 1} (${quote(line.string!)}): the layout cannot set it; shorten the block or let it break`
        }
        continue
      }
      for (const child of [...(node.children ?? [])].reverse()) stack.push([child, x + (box.left ?? 0), y + (box.top ?? 0)])
    }
  }
  return null
}
