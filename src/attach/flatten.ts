import type { PDFContext, PDFDict, PDFDocument, PDFPage, PDFRef, PDFStream } from 'pdf-lib'
import type { AttachJob } from './job.js'
import { numbers } from './pdf-objects.js'
import { captureConsole } from '../patches/console-capture.js'

/**
 * Draw annotations (other than links) into the page's content as they appear, so filled-in form fields,
 * highlights and stamps stay visible once the annotations themselves are left out.
 */
export function flatten(job: AttachJob, doc: PDFDocument, page: PDFPage, annots: PDFDict[]): void {
  const drawing = annots.map((annot) => drawAnnotation(job, doc, page, annot)).filter((drawn): drawn is string => drawn !== undefined)
  if (!drawing.length) return
  const { lib, name } = job
  const { context } = doc
  const node = page.node
  // The page's own content is wrapped in q … Q, so whatever state it leaves does not move the drawings.
  const contents = node.get(name('Contents'))
  const resolved = context.lookup(contents)
  const existing = resolved instanceof lib.PDFArray ? resolved.asArray() : contents ? [contents] : []
  const open = context.register(context.stream('q\n'))
  const close = context.register(context.flateStream(`Q\n${drawing.join('\n')}\n`))
  node.set(name('Contents'), context.obj([open, ...existing, close]))
}

/** Give the form fields that have no appearance one (pdf-lib draws their values), so every filled-in value shows. */
export async function drawMissingAppearances({ name }: AttachJob, doc: PDFDocument): Promise<void> {
  if (!doc.catalog.has(name('AcroForm'))) return
  try {
    await captureConsole(['log', 'warn'], () => {
      const form = doc.getForm()
      if (form.getFields().some((field) => field.needsAppearancesUpdate())) form.updateFieldAppearances()
    })
  } catch {
    // A form pdf-lib cannot make sense of keeps the appearances it has.
  }
}

/** A number as a content stream writes it: at most four decimals, never in exponent notation. */
const num = (n: number) => String(Math.round(n * 10000) / 10000 || 0)

/**
 * The content-stream operators that draw an annotation's normal appearance where it stands on the page (the
 * algorithm of ISO 32000 12.5.5), with the appearance added to the page's resources; undefined when it shows nothing.
 */
function drawAnnotation(job: AttachJob, doc: PDFDocument, page: PDFPage, annot: PDFDict): string | undefined {
  const { name } = job
  const shown = appearance(job, doc, annot)
  if (!shown) return undefined
  const { stream } = shown
  const rect = numbers(job, annot.lookup(name('Rect')), 4)
  const bbox = numbers(job, stream.dict.lookup(name('BBox')), 4)
  const fit = rect && bbox && fitToRect(numbers(job, stream.dict.lookup(name('Matrix')), 6) ?? [1, 0, 0, 1, 0, 0], bbox, rect)
  if (!fit) return undefined
  if (!stream.dict.has(name('Subtype'))) stream.dict.set(name('Subtype'), name('Form'))
  const key = addXObject(job, doc.context, page, shown.ref ?? doc.context.register(stream))
  return `q ${fit.map(num).join(' ')} cm /${key} Do Q`
}

/** The annotation's normal appearance stream (by its state, where it has several) and its reference, if it is shown. */
function appearance({ lib, name }: AttachJob, doc: PDFDocument, annot: PDFDict): { stream: PDFStream; ref?: PDFRef } | undefined {
  const { context } = doc
  const flags = annot.lookup(name('F'))
  // Hidden (2) and NoView (32) annotations are not shown; a popup shows only when opened.
  if ((flags instanceof lib.PDFNumber && flags.asNumber() & (2 | 32)) || annot.lookup(name('Subtype')) === name('Popup')) return undefined
  const ap = annot.lookup(name('AP'))
  if (!(ap instanceof lib.PDFDict)) return undefined
  let normal = ap.get(name('N'))
  let resolved = context.lookup(normal)
  if (resolved instanceof lib.PDFDict) {
    // Appearances by state (a check box's on and off): the one named by /AS.
    const state = annot.lookup(name('AS'))
    normal = state instanceof lib.PDFName ? resolved.get(state) : undefined
    resolved = context.lookup(normal)
  }
  if (!(resolved instanceof lib.PDFStream)) return undefined
  return { stream: resolved, ref: normal instanceof lib.PDFRef ? normal : undefined }
}

/**
 * The matrix [sx 0 0 sy tx ty] that fits the box an appearance's Matrix turns its BBox into to the annotation's
 * Rect; undefined when that box has no area.
 */
function fitToRect([a, b, c, d, e, f]: number[], bbox: number[], rect: number[]): number[] | undefined {
  const corners = [
    [bbox[0]!, bbox[1]!],
    [bbox[2]!, bbox[1]!],
    [bbox[0]!, bbox[3]!],
    [bbox[2]!, bbox[3]!],
  ].map(([x, y]) => [a! * x! + c! * y! + e!, b! * x! + d! * y! + f!] as const)
  const xs = corners.map(([x]) => x)
  const ys = corners.map(([, y]) => y)
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const [rx0, rx1, ry0, ry1] = [
    Math.min(rect[0]!, rect[2]!),
    Math.max(rect[0]!, rect[2]!),
    Math.min(rect[1]!, rect[3]!),
    Math.max(rect[1]!, rect[3]!),
  ]
  if (x1 - x0 === 0 || y1 - y0 === 0) return undefined
  const sx = (rx1 - rx0) / (x1 - x0)
  const sy = (ry1 - ry0) / (y1 - y0)
  return [sx, 0, 0, sy, rx0 - sx * x0, ry0 - sy * y0]
}

/** Add `ref` to the page's XObject resources under a new name (LpAnnot1, LpAnnot2, …) and return the name. */
function addXObject({ lib, name }: AttachJob, context: PDFContext, page: PDFPage, ref: PDFRef): string {
  let resources = context.lookup(page.node.getInheritableAttribute(name('Resources')))
  if (!(resources instanceof lib.PDFDict)) page.node.set(name('Resources'), (resources = context.obj({})))
  let xobjects = (resources as PDFDict).lookup(name('XObject'))
  if (!(xobjects instanceof lib.PDFDict)) (resources as PDFDict).set(name('XObject'), (xobjects = context.obj({})))
  let n = 1
  while ((xobjects as PDFDict).has(name(`LpAnnot${n}`))) n++
  ;(xobjects as PDFDict).set(name(`LpAnnot${n}`), ref)
  return `LpAnnot${n}`
}
