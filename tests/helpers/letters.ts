// Building letters in tests and reading their layout back: filler text whose every word says which paragraph
// it belongs to, one render-and-read call, grouping of text items into lines, and the painted paths of a page.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { renderLetter, type RenderOptions, type RenderResult } from '../../src/index.js'
import { readPdf, type PdfFacts } from './pdf.js'

/** Millimetres to points. */
export const mm = (v: number) => (v * 72) / 25.4

/** The options every e2e render uses: a fixed date, the bundled fonts only. */
export const FIXED = { sourceDateEpoch: 1_790_000_000, fontDirs: [] as string[] } satisfies RenderOptions

/** A paragraph of `n` words, each naming its paragraph: "p{k}w0 p{k}w1 …" (ends with a full stop). */
export const para = (k: number | string, n: number) => Array.from({ length: n }, (_, i) => `p${k}w${i}`).join(' ') + '.'

/** Front matter from YAML lines (already indented as they should be). */
export const frontMatter = (...lines: string[]) => (lines.length ? `---\n${lines.join('\n')}\n---\n\n` : '')

/** Render a letter and read the PDF back. */
export async function render(markdown: string, options: RenderOptions = {}): Promise<{ result: RenderResult; pdf: PdfFacts }> {
  const result = await renderLetter(markdown, { path: 'letter.md', ...FIXED, ...options })
  return { result, pdf: await readPdf(result.pdf) }
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(outcome instanceof Error)) throw new Error('expected the render to fail, but it succeeded')
  return outcome
}

export type Item = PdfFacts['items'][number]

/** One line of text on a page: its items joined left to right, where it starts, its top and its right edge. */
export interface Line {
  page: number
  y: number
  x: number
  right: number
  text: string
}

/** Text items grouped into lines (same page, tops within 1 pt), in page and top-to-bottom order. */
export function linesOf(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x)
  const lines: (Line & { items: Item[] })[] = []
  for (const item of sorted) {
    const line = lines.at(-1)
    if (line && line.page === item.page && Math.abs(line.y - item.y) < 1) line.items.push(item)
    else lines.push({ page: item.page, y: item.y, x: 0, right: 0, text: '', items: [item] })
  }
  return lines.map(({ items: row, ...line }) => {
    row.sort((a, b) => a.x - b.x)
    return { ...line, x: row[0]!.x, right: Math.max(...row.map((i) => i.x + i.width)), text: row.map((i) => i.str).join(' ') }
  })
}

/** A painted (stroked or filled) path: its bounding box on the page, from the top-left corner, in points. */
export interface PaintedPath {
  op: 'stroke' | 'fill'
  left: number
  right: number
  top: number
  bottom: number
}

type Matrix = [number, number, number, number, number, number]
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
]
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const

const PAINT: Record<number, PaintedPath['op']> = {
  [OPS.stroke]: 'stroke',
  [OPS.closeStroke]: 'stroke',
  [OPS.fill]: 'fill',
  [OPS.eoFill]: 'fill',
  [OPS.fillStroke]: 'fill',
  [OPS.eoFillStroke]: 'fill',
  [OPS.closeFillStroke]: 'fill',
  [OPS.closeEOFillStroke]: 'fill',
}

/**
 * Every path painted on a page (clipping paths left out), placed on the page: pdf.js's operator list, with the
 * transformation matrix followed through save/restore and `cm`, turns each path's bounding box into page space.
 */
export async function paintedPaths(bytes: Uint8Array, pageNumber: number): Promise<PaintedPath[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  try {
    const page = await doc.getPage(pageNumber)
    const [, y0, , y1] = page.view as [number, number, number, number]
    const height = y1 - y0
    const { fnArray, argsArray } = await page.getOperatorList()
    const paths: PaintedPath[] = []
    const stack: Matrix[] = []
    let ctm: Matrix = [1, 0, 0, 1, 0, 0]
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i]
      const args = argsArray[i] as unknown[] | null
      if (fn === OPS.save) stack.push(ctm)
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm
      else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix)
      else if (fn === OPS.paintFormXObjectBegin) {
        stack.push(ctm)
        if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0]))
          ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix)
      } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
      else if (fn === OPS.constructPath) {
        const op = PAINT[args![0] as number]
        const box = args![2] as ArrayLike<number> | null
        if (!op || !box) continue
        const corners = [
          apply(ctm, box[0]!, box[1]!),
          apply(ctm, box[2]!, box[1]!),
          apply(ctm, box[0]!, box[3]!),
          apply(ctm, box[2]!, box[3]!),
        ]
        const xs = corners.map(([x]) => x)
        const ys = corners.map(([, y]) => height - y)
        paths.push({ op, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) })
      }
    }
    return paths
  } finally {
    await doc.destroy()
  }
}
