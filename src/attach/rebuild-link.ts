import type { PDFDict, PDFDocument, PDFRef } from 'pdf-lib'
import { linkTarget } from '../util/url.js'
import { destination } from './destinations.js'
import type { AttachJob } from './job.js'
import { isText, numbers } from './pdf-objects.js'

/**
 * A new link annotation for a source link that may be kept: a web, mail or phone link, or a link to one of the
 * attachment's own pages (its destination's page given by number, for copyPages to point at the copy). Null
 * when the link is left out; undefined when it goes nowhere.
 */
export function rebuildLink(job: AttachJob, doc: PDFDocument, annot: PDFDict, index: Map<PDFRef, number>): PDFDict | null | undefined {
  const { lib, name } = job
  const { context } = doc
  const rect = numbers(job, annot.lookup(name('Rect')), 4)
  const action = annot.lookup(name('A'))
  let dest = annot.get(name('Dest'))
  if (action instanceof lib.PDFDict) {
    const kind = action.lookup(name('S'))
    if (kind === name('URI')) {
      const uri = action.lookup(name('URI'))
      // The same rule as the letter's own links: web, mail and phone links only (no file: or javascript:).
      const keep = isText(job, uri) && linkTarget(uri.decodeText())
      return keep && rect ? context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], A: { S: 'URI', URI: uri } }) : null
    }
    if (kind !== name('GoTo')) return null
    dest = action.get(name('D'))
  }
  if (dest === undefined) return undefined
  const view = destination(job, doc, dest)
  const target = view?.get(0)
  const page =
    target instanceof lib.PDFRef
      ? index.get(target)
      : target instanceof lib.PDFNumber && Number.isInteger(target.asNumber())
        ? target.asNumber()
        : undefined
  if (!view || !rect || page === undefined || page < 0 || page >= index.size) return null
  return context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], Dest: [page, ...view.asArray().slice(1)] })
}
