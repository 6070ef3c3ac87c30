import type { PDFArray, PDFContext, PDFDocument, PDFHexString, PDFObject, PDFString } from 'pdf-lib'
import type { AttachJob } from './job.js'
import { isText } from './pdf-objects.js'

/** An explicit destination ([page /XYZ left top zoom] and the like) for a destination as a link gives it: an array, or a name to look up. */
export function destination(job: AttachJob, doc: PDFDocument, dest: PDFObject | undefined, depth = 0): PDFArray | undefined {
  const { lib, name } = job
  const value = doc.context.lookup(dest)
  if (depth > 8 || value === undefined) return undefined
  if (value instanceof lib.PDFArray) return value
  if (value instanceof lib.PDFDict) return destination(job, doc, value.get(name('D')), depth + 1)
  // Names from PDF 1.1's Dests dictionary, strings from the Names dictionary's Dests tree.
  if (value instanceof lib.PDFName) {
    const dests = doc.catalog.lookup(name('Dests'))
    return dests instanceof lib.PDFDict ? destination(job, doc, dests.get(value), depth + 1) : undefined
  }
  if (isText(job, value)) {
    const names = doc.catalog.lookup(name('Names'))
    const tree = names instanceof lib.PDFDict ? names.get(name('Dests')) : undefined
    return destination(job, doc, findName(job, doc.context, tree, bytes(value)), depth + 1)
  }
  return undefined
}

/** A PDF string's bytes as a string of Latin-1 characters, compared as name trees compare their keys. */
const bytes = (value: PDFString | PDFHexString) => Buffer.from(value.asBytes()).toString('latin1')

/** The value of `key` in a name tree: in the node's own Names, else in the kid whose Limits hold it. */
function findName(job: AttachJob, context: PDFContext, tree: PDFObject | undefined, key: string, depth = 0): PDFObject | undefined {
  const { lib, name } = job
  const node = context.lookup(tree)
  if (depth > 32 || !(node instanceof lib.PDFDict)) return undefined
  const names = node.lookup(name('Names'))
  if (names instanceof lib.PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const entry = names.lookup(i)
      if (isText(job, entry) && bytes(entry) === key) return names.get(i + 1)
    }
  }
  const kids = node.lookup(name('Kids'))
  if (!(kids instanceof lib.PDFArray)) return undefined
  for (let i = 0; i < kids.size(); i++) {
    if (!withinLimits(job, kids.lookup(i), key)) continue
    const found = findName(job, context, kids.get(i), key, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

/** Whether a name tree's kid may hold `key`: its Limits (where they are strings) do not rule it out. */
function withinLimits(job: AttachJob, kid: PDFObject | undefined, key: string): boolean {
  const { lib, name } = job
  const limits = kid instanceof lib.PDFDict ? kid.lookup(name('Limits')) : undefined
  const [low, high] = limits instanceof lib.PDFArray ? [limits.lookup(0), limits.lookup(1)] : []
  const within = (bound: unknown, ok: (b: string) => boolean) => !isText(job, bound) || ok(bytes(bound))
  return within(low, (b) => b <= key) && within(high, (b) => key <= b)
}
