// One-file applications (issue 8): PDFs named by `attach:` or --attach are appended after the letter, so the
// letter, a CV and certificates go out as one file. pdf-lib (MIT, plain JavaScript) does the PDF surgery; it is
// loaded only for a letter with attachments, so other renders never pay for it.
import { createHash } from 'node:crypto'
import { isAbsolute, resolve } from 'node:path'
import { shownPath } from '../util/paths.js'
import type * as PdfLib from 'pdf-lib'
import type { PDFArray, PDFContext, PDFDict, PDFDocument, PDFObject, PDFPage, PDFRef } from 'pdf-lib'
import { linkTarget } from '../util/url.js'
import { LETTER_PAGES_KEY } from './letter-pages.js'
import { LetterError } from '../parse/errors.js'
import type { LetterMessage } from '../types.js'
import { enclosureName } from '../parse/meta.js'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'

/** A PDF to append: named as it was given (for messages), read from its real path. */
export interface Attachment {
  /** The path as the front matter or the caller gave it. */
  name: string
  /** Its real path (symlinks resolved). */
  path: string
  data: Uint8Array
  /** Place of its entry in the front matter; null for the caller's attachments. */
  line: number | null
  column: number | null
}

type Place = { line: number | null; column: number | null }

/** Where attachments are read from and how their problems are reported. */
export interface AttachContext {
  /** The letter's folder: the front matter's paths are relative to it. */
  baseDir: string
  /** Folders besides the letter's own that the front matter may name files in (--allow-path, the config's folder). */
  allowPaths: string[]
  /** The letter's path, named in errors. */
  file: string
  /** Place of the front matter's entry `index` of `attach`. */
  placeOf?: (index: number) => Place
}

// A scheme such as https: (but not a Windows drive letter such as C:\).
const isUrl = (path: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path) && !/^[a-zA-Z]:[\\/]/.test(path)

/** Find, confine and read the PDFs to append (front matter's, then the caller's); a bad one throws a LetterError naming it. */
export function readAttachments(fromLetter: string[], fromCaller: string[], context: AttachContext): Attachment[] {
  const nowhere: Place = { line: null, column: null }
  // The front matter's paths are relative to the letter and confined to its folder and allowPaths, as images
  // are (a letter may come from someone else); the caller's are relative to the cwd and not confined, because
  // paths on the command line are the user's own.
  return [
    ...fromLetter.map((name, i) => readOne(name, context.baseDir, true, context.placeOf?.(i) ?? nowhere, context)),
    ...fromCaller.map((name) => readOne(name, process.cwd(), false, nowhere, context)),
  ]
}

function readOne(name: string, base: string, confined: boolean, place: Place, context: AttachContext): Attachment {
  const fail = (problem: string) => new LetterError(`attachment "${shownPath(name)}" ${problem}`, place.line, place.column, context.file)
  if (isUrl(name)) throw fail('is not a local file: only PDF files on this computer are attached, nothing is fetched')
  // Confinement is checked on the real path, so a symlink out of the letter's folder is refused like a "../" path.
  const roots = confined ? [context.baseDir, ...context.allowPaths] : undefined
  const read = readFileSafely(isAbsolute(name) ? name : resolve(base, name), { what: 'attachment', name: shownPath(name), limit: READ_LIMITS.attachment, roots })
  if ('problem' in read) throw new LetterError(read.problem, place.line, place.column, context.file)
  const { data, real } = read
  // A PDF starts with "%PDF-" (readers accept a little junk before it); a Word file or an image renamed .pdf does not.
  if (!Buffer.from(data.subarray(0, 1024)).includes('%PDF-')) throw fail('is not a PDF file')
  return { name: shownPath(name), path: real, data, ...place }
}

type Lib = typeof PdfLib

/** Each attachment opened once: its Title is read before the letter is laid out, its pages copied after. */
const opened = new WeakMap<Attachment, PDFDocument>()

async function openOnce(lib: Lib, attachment: Attachment, file: string, warnings: LetterMessage[]): Promise<PDFDocument> {
  let doc = opened.get(attachment)
  if (!doc) opened.set(attachment, (doc = await openAttachment(lib, attachment, file, warnings)))
  return doc
}

/** How the attachments are listed under Enclosures: by their own Titles where they name something, else by file name. */
export async function enclosureNames(attachments: Attachment[], file: string, warnings: LetterMessage[]): Promise<string[]> {
  const lib = await import('pdf-lib')
  const names: string[] = []
  for (const attachment of attachments) names.push(enclosureName(attachment.name, (await openOnce(lib, attachment, file, warnings)).getTitle()))
  return names
}

/** Append every page of each attachment, in order, to the rendered letter: the combined PDF and its page count. */
export async function appendAttachments(pdf: Uint8Array, attachments: Attachment[], file: string, warnings: LetterMessage[]): Promise<{ pdf: Uint8Array; pages: number }> {
  const lib = await import('pdf-lib')
  // The letter's own catalog, info dictionary, XMP and structure tree stay as they are: pages are only added.
  // updateMetadata: false keeps pdf-lib from writing its name and the clock into the info dictionary.
  const out = await lib.PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest })
  recordLetterPages(lib, out)
  for (const attachment of attachments) {
    const source = await openOnce(lib, attachment, file, warnings)
    await appendPages(lib, out, source, attachment, file, warnings)
  }
  setId(lib, out, pdf, attachments)
  // No object streams, so the file stays readable to simple tools (and to `letterpress check`'s font scan);
  // streams keep their compression. Only objects the pages reach are copied from the attachments.
  const bytes = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity })
  return { pdf: bytes, pages: out.getPageCount() }
}

/** Record in the Info dictionary how many pages are the letter's own, before attached pages follow them. */
function recordLetterPages(lib: Lib, out: PDFDocument): void {
  const { context } = out
  let info = context.lookup(context.trailerInfo.Info)
  if (!(info instanceof lib.PDFDict)) {
    info = context.obj({})
    context.trailerInfo.Info = context.register(info as PDFDict)
  }
  ;(info as PDFDict).set(lib.PDFName.of(LETTER_PAGES_KEY), lib.PDFNumber.of(out.getPageCount()))
}

/**
 * The file's ID: the letter's permanent first half, and a second half (which changes when a file changes)
 * from the letter and its attachments, so the same inputs give the same bytes.
 */
function setId(lib: Lib, out: PDFDocument, letter: Uint8Array, attachments: Attachment[]): void {
  const hash = createHash('md5').update(letter)
  for (const attachment of attachments) hash.update(attachment.data)
  const { context } = out
  const old = context.lookup(context.trailerInfo.ID)
  const first = old instanceof lib.PDFArray ? old.lookup(0) : undefined
  const permanent = first instanceof lib.PDFHexString || first instanceof lib.PDFString ? first : lib.PDFHexString.of(hash.copy().digest('hex'))
  context.trailerInfo.ID = context.obj([permanent, lib.PDFHexString.of(hash.digest('hex'))])
}

/**
 * Run `work` with console.log and console.warn collected into `notes`: pdf-lib reports there what it skips in
 * a damaged file, and the command line keeps stdout for its report (--json).
 */
async function quietly<T>(notes: string[], work: () => T | Promise<T>): Promise<T> {
  const { log, warn } = console
  console.log = console.warn = (...args: unknown[]) => void notes.push(args.map(String).join(' '))
  try {
    return await work()
  } finally {
    console.log = log
    console.warn = warn
  }
}

/** Open an attachment, refusing an encrypted one and one whose pages cannot be found. */
async function openAttachment(lib: Lib, attachment: Attachment, file: string, warnings: LetterMessage[]): Promise<PDFDocument> {
  const fail = (problem: string) => new LetterError(`attachment "${attachment.name}" ${problem}`, attachment.line, attachment.column, file)
  const damaged = (why: string) => fail(`is damaged and could not be read (${why})`)
  const notes: string[] = []
  let doc: PDFDocument
  try {
    // ignoreEncryption: an encrypted file is loaded (not decrypted) to be refused below by name.
    doc = await quietly(notes, () => lib.PDFDocument.load(attachment.data, { ignoreEncryption: true, updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest }))
  } catch (error) {
    throw damaged(String((error as Error)?.message ?? error))
  }
  // Refused even when it opens without a password (an owner password only): copying its pages would drop the
  // owner's restrictions. pdf-lib does not decrypt, so its pages could not be copied anyway.
  if (doc.isEncrypted) throw fail('is encrypted; attach an unencrypted copy')
  if (!(doc.catalog instanceof lib.PDFDict)) throw damaged('it has no document catalog')
  let pages: number
  try {
    pages = doc.getPageCount()
  } catch {
    throw damaged('its page tree cannot be read')
  }
  if (pages === 0) throw damaged('it has no pages')
  // pdf-lib reads a file object by object rather than through its cross-reference table, so it reads past
  // some damage other readers stumble on; that is worth a look at the result.
  const invalid = doc.context.enumerateIndirectObjects().filter(([, object]) => object instanceof lib.PDFInvalidObject).length
  const why = invalid ? `${invalid} unreadable object${invalid === 1 ? '' : 's'} left out` : !xrefFound(attachment.data) ? 'its cross-reference table is broken' : notes[0]
  if (why) {
    warnings.push({ message: `attachment "${attachment.name}" was damaged (${why}) and has been repaired; check its pages in the PDF`, line: attachment.line, column: attachment.column, source: 'letterpress:attach' })
  }
  return doc
}

/** Whether the file's last startxref points at a cross-reference table or stream, as in an undamaged PDF. */
function xrefFound(data: Uint8Array): boolean {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const at = bytes.lastIndexOf('startxref')
  const offset = at < 0 ? undefined : /^startxref\s+(\d+)/.exec(bytes.subarray(at, at + 40).toString('latin1'))?.[1]
  if (offset === undefined) return false
  // Offsets count from the file's first byte; some writers count from "%PDF-" after junk before it.
  const header = bytes.subarray(0, 1024).indexOf('%PDF-')
  return [0, header].some((shift) => /^\s*(xref|\d+\s+\d+\s+obj)\b/.test(bytes.subarray(Number(offset) + shift, Number(offset) + shift + 40).toString('latin1')))
}

/** Copy the source's pages after the last page of `out`, then point its links to its own pages at their copies. */
async function appendPages(lib: Lib, out: PDFDocument, source: PDFDocument, attachment: Attachment, file: string, warnings: LetterMessage[]): Promise<void> {
  const damaged = (error: unknown) => new LetterError(`attachment "${attachment.name}" is damaged and could not be copied (${String((error as Error)?.message ?? error)})`, attachment.line, attachment.column, file)
  let copies: PDFPage[]
  let dropped = 0
  try {
    await drawMissingAppearances(lib, source)
    const pages = source.getPages()
    const index = new Map(pages.map((page, i) => [page.ref, i]))
    for (const page of pages) dropped += preparePage(lib, source, page, index)
    // One copy for all pages: fonts and images they share are copied once.
    copies = await out.copyPages(source, source.getPageIndices())
  } catch (error) {
    throw damaged(error)
  }
  for (const copy of copies) out.addPage(copy)
  // preparePage left the number of the page a link goes to where its reference belongs.
  for (const copy of copies) {
    const annots = copy.node.lookup(lib.PDFName.of('Annots'))
    if (!(annots instanceof lib.PDFArray)) continue
    for (let i = 0; i < annots.size(); i++) {
      const dest = (annots.lookup(i) as PDFDict).lookup(lib.PDFName.of('Dest'))
      const page = dest instanceof lib.PDFArray ? dest.get(0) : undefined
      if (dest instanceof lib.PDFArray && page instanceof lib.PDFNumber) dest.set(0, copies[page.asNumber()]!.ref)
    }
  }
  if (dropped) {
    warnings.push({
      message: `attachment "${attachment.name}": ${dropped} link${dropped === 1 ? '' : 's'} left out (only http, https, mailto and tel links and links to its own pages are kept)`,
      line: attachment.line,
      column: attachment.column,
      source: 'letterpress:attach',
    })
  }
}

/** Give the form fields that have no appearance one (pdf-lib draws their values), so every filled-in value shows. */
async function drawMissingAppearances(lib: Lib, doc: PDFDocument): Promise<void> {
  if (!doc.catalog.has(lib.PDFName.of('AcroForm'))) return
  try {
    await quietly([], () => {
      const form = doc.getForm()
      if (form.getFields().some((field) => field.needsAppearancesUpdate())) form.updateFieldAppearances()
    })
  } catch {
    // A form pdf-lib cannot make sense of keeps the appearances it has.
  }
}

// What a copied page keeps: what it looks like. Not kept: its place in the source's structure tree and
// navigation (StructParents, Tabs, B), page actions (AA), thumbnails, metadata and the like.
const PAGE_KEYS = new Set(['Type', 'Parent', 'Contents', 'Resources', 'MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'UserUnit', 'Group'])

/**
 * Make a source page ready to copy: annotations other than links are drawn into its content (filled-in form
 * fields, highlights and stamps stay visible, the form itself is not kept), links are rebuilt (web, mail and
 * phone links, and links to the attachment's own pages), and only PAGE_KEYS are kept. Returns the links left out.
 */
function preparePage(lib: Lib, doc: PDFDocument, page: PDFPage, index: Map<PDFRef, number>): number {
  const { context } = doc
  const node = page.node
  const name = (key: string) => lib.PDFName.of(key)
  const annots = node.lookup(name('Annots'))
  const links: PDFRef[] = []
  const drawing: string[] = []
  let dropped = 0
  if (annots instanceof lib.PDFArray) {
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i)
      if (!(annot instanceof lib.PDFDict)) continue
      if (annot.lookup(name('Subtype')) === name('Link')) {
        const link = rebuildLink(lib, doc, annot, index)
        if (link) links.push(context.register(link))
        else if (link === null) dropped++
      } else {
        const drawn = drawAnnotation(lib, doc, page, annot)
        if (drawn) drawing.push(drawn)
      }
    }
  }
  for (const key of node.keys()) if (!PAGE_KEYS.has(key.decodeText())) node.delete(key)
  if (links.length) node.set(name('Annots'), context.obj(links))
  if (drawing.length) {
    // The page's own content is wrapped in q … Q, so whatever state it leaves does not move the drawings.
    const contents = node.get(name('Contents'))
    const resolved = context.lookup(contents)
    const existing = resolved instanceof lib.PDFArray ? resolved.asArray() : contents ? [contents] : []
    const open = context.register(context.stream('q\n'))
    const close = context.register(context.flateStream(`Q\n${drawing.join('\n')}\n`))
    node.set(name('Contents'), context.obj([open, ...existing, close]))
  }
  return dropped
}

/** The numbers of a PDF array of `length` numbers, or undefined. */
function numbers(lib: Lib, object: PDFObject | undefined, length: number): number[] | undefined {
  if (!(object instanceof lib.PDFArray) || object.size() !== length) return undefined
  const values = object.asArray().map((_, i) => object.lookup(i))
  return values.every((value) => value instanceof lib.PDFNumber) ? values.map((value) => (value as PdfLib.PDFNumber).asNumber()) : undefined
}

/** A number as a content stream writes it: at most four decimals, never in exponent notation. */
const num = (n: number) => String(Math.round(n * 10000) / 10000 || 0)

/**
 * The content-stream operators that draw an annotation's normal appearance where it stands on the page (the
 * algorithm of ISO 32000 12.5.5), with the appearance added to the page's resources; undefined when it shows nothing.
 */
function drawAnnotation(lib: Lib, doc: PDFDocument, page: PDFPage, annot: PDFDict): string | undefined {
  const { context } = doc
  const name = (key: string) => lib.PDFName.of(key)
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
  const rect = numbers(lib, annot.lookup(name('Rect')), 4)
  const bbox = numbers(lib, resolved.dict.lookup(name('BBox')), 4)
  if (!rect || !bbox) return undefined
  const [a, b, c, d, e, f] = numbers(lib, resolved.dict.lookup(name('Matrix')), 6) ?? [1, 0, 0, 1, 0, 0]
  // The box the appearance's matrix turns its BBox into is fitted to the annotation's rectangle.
  const corners = [[bbox[0]!, bbox[1]!], [bbox[2]!, bbox[1]!], [bbox[0]!, bbox[3]!], [bbox[2]!, bbox[3]!]].map(([x, y]) => [a! * x! + c! * y! + e!, b! * x! + d! * y! + f!] as const)
  const xs = corners.map(([x]) => x)
  const ys = corners.map(([, y]) => y)
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const [rx0, rx1, ry0, ry1] = [Math.min(rect[0]!, rect[2]!), Math.max(rect[0]!, rect[2]!), Math.min(rect[1]!, rect[3]!), Math.max(rect[1]!, rect[3]!)]
  if (x1 - x0 === 0 || y1 - y0 === 0) return undefined
  const sx = (rx1 - rx0) / (x1 - x0)
  const sy = (ry1 - ry0) / (y1 - y0)
  if (!resolved.dict.has(name('Subtype'))) resolved.dict.set(name('Subtype'), name('Form'))
  const ref = normal instanceof lib.PDFRef ? normal : context.register(resolved)
  const key = addXObject(lib, context, page, ref)
  return `q ${num(sx)} 0 0 ${num(sy)} ${num(rx0 - sx * x0)} ${num(ry0 - sy * y0)} cm /${key} Do Q`
}

/** Add `ref` to the page's XObject resources under a new name (LpAnnot1, LpAnnot2, …) and return the name. */
function addXObject(lib: Lib, context: PDFContext, page: PDFPage, ref: PDFRef): string {
  const name = (key: string) => lib.PDFName.of(key)
  let resources = context.lookup(page.node.getInheritableAttribute(name('Resources')))
  if (!(resources instanceof lib.PDFDict)) page.node.set(name('Resources'), (resources = context.obj({})))
  let xobjects = (resources as PDFDict).lookup(name('XObject'))
  if (!(xobjects instanceof lib.PDFDict)) (resources as PDFDict).set(name('XObject'), (xobjects = context.obj({})))
  let n = 1
  while ((xobjects as PDFDict).has(name(`LpAnnot${n}`))) n++
  ;(xobjects as PDFDict).set(name(`LpAnnot${n}`), ref)
  return `LpAnnot${n}`
}

/**
 * A new link annotation for a source link that may be kept: a web, mail or phone link, or a link to one of the
 * attachment's own pages (its destination's page given by number, for appendPages to point at the copy). Null
 * when the link is left out; undefined when it goes nowhere.
 */
function rebuildLink(lib: Lib, doc: PDFDocument, annot: PDFDict, index: Map<PDFRef, number>): PDFDict | null | undefined {
  const { context } = doc
  const name = (key: string) => lib.PDFName.of(key)
  const rect = numbers(lib, annot.lookup(name('Rect')), 4)
  const action = annot.lookup(name('A'))
  let dest = annot.get(name('Dest'))
  if (action instanceof lib.PDFDict) {
    const kind = action.lookup(name('S'))
    if (kind === name('URI')) {
      const uri = action.lookup(name('URI'))
      // The same rule as the letter's own links: web, mail and phone links only (no file: or javascript:).
      const keep = (uri instanceof lib.PDFString || uri instanceof lib.PDFHexString) && linkTarget(uri.decodeText())
      return keep && rect ? context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], A: { S: 'URI', URI: uri } }) : null
    }
    if (kind !== name('GoTo')) return null
    dest = action.get(name('D'))
  }
  if (dest === undefined) return undefined
  const view = destination(lib, doc, dest)
  const target = view?.get(0)
  const page = target instanceof lib.PDFRef ? index.get(target) : target instanceof lib.PDFNumber && Number.isInteger(target.asNumber()) ? target.asNumber() : undefined
  if (!view || !rect || page === undefined || page < 0 || page >= index.size) return null
  return context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], Dest: [page, ...view.asArray().slice(1)] })
}

/** An explicit destination ([page /XYZ left top zoom] and the like) for a destination as a link gives it: an array, or a name to look up. */
function destination(lib: Lib, doc: PDFDocument, dest: PDFObject | undefined, depth = 0): PDFArray | undefined {
  const value = doc.context.lookup(dest)
  if (depth > 8 || value === undefined) return undefined
  if (value instanceof lib.PDFArray) return value
  if (value instanceof lib.PDFDict) return destination(lib, doc, value.get(lib.PDFName.of('D')), depth + 1)
  // Names from PDF 1.1's Dests dictionary, strings from the Names dictionary's Dests tree.
  if (value instanceof lib.PDFName) {
    const dests = doc.catalog.lookup(lib.PDFName.of('Dests'))
    return dests instanceof lib.PDFDict ? destination(lib, doc, dests.get(value), depth + 1) : undefined
  }
  if (value instanceof lib.PDFString || value instanceof lib.PDFHexString) {
    const names = doc.catalog.lookup(lib.PDFName.of('Names'))
    const tree = names instanceof lib.PDFDict ? names.get(lib.PDFName.of('Dests')) : undefined
    return destination(lib, doc, findName(lib, doc.context, tree, bytes(value)), depth + 1)
  }
  return undefined
}

/** A PDF string's bytes as a string of Latin-1 characters, compared as name trees compare their keys. */
const bytes = (value: PdfLib.PDFString | PdfLib.PDFHexString) => Buffer.from(value.asBytes()).toString('latin1')

/** The value of `key` in a name tree. */
function findName(lib: Lib, context: PDFContext, tree: PDFObject | undefined, key: string, depth = 0): PDFObject | undefined {
  const node = context.lookup(tree)
  if (depth > 32 || !(node instanceof lib.PDFDict)) return undefined
  const names = node.lookup(lib.PDFName.of('Names'))
  if (names instanceof lib.PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const name = names.lookup(i)
      if ((name instanceof lib.PDFString || name instanceof lib.PDFHexString) && bytes(name) === key) return names.get(i + 1)
    }
  }
  const kids = node.lookup(lib.PDFName.of('Kids'))
  if (!(kids instanceof lib.PDFArray)) return undefined
  for (let i = 0; i < kids.size(); i++) {
    const kid = kids.lookup(i)
    const limits = kid instanceof lib.PDFDict ? kid.lookup(lib.PDFName.of('Limits')) : undefined
    const [low, high] = limits instanceof lib.PDFArray ? [limits.lookup(0), limits.lookup(1)] : []
    const within = (bound: unknown, ok: (b: string) => boolean) => !(bound instanceof lib.PDFString || bound instanceof lib.PDFHexString) || ok(bytes(bound))
    if (!within(low, (b) => b <= key) || !within(high, (b) => key <= b)) continue
    const found = findName(lib, context, kids.get(i), key, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}
