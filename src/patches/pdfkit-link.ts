// A tagged PDF ties each link annotation to a Link structure element; react-pdf draws links through pdfkit's
// `link()` with no say in its options, so the document's `link` is wrapped to add them.
import { targetMethod } from './target.js'

type Link = (x: number, y: number, w: number, h: number, url: unknown, options?: Record<string, unknown>) => unknown
type LinkDoc = { link: Link }

/** Wrap `doc.link` so each link gets the options `extra(url)` returns besides its own (none: drawn as asked). */
export function extendLinks(doc: LinkDoc, extra: (url: unknown) => Record<string, unknown> | undefined): void {
  const link = targetMethod<Link>('pdfkit', doc, 'PDFDocument', 'link', { length: 6, contains: ['this.annotate('] })
  // The options reach the annotation, whose structParent pdfkit ties into the structure tree.
  targetMethod('pdfkit', doc, 'PDFDocument', 'annotate', { contains: ['structParent'] })
  const drawn = link.bind(doc)
  doc.link = (x, y, w, h, url, options = {}) => {
    const more = extra(url)
    return drawn(x, y, w, h, url, more ? { ...options, ...more } : options)
  }
}
