// One-file applications (issue 8): PDFs named by `attach:` or --attach are appended after the letter, so the
// letter, a CV and certificates go out as one file. MuPDF (WebAssembly) does the PDF surgery; it is loaded only
// for a letter with attachments, so other renders never pay for its ~10 MB module.
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import type * as Mupdf from 'mupdf'
import { isAllowedPath } from '../map/image-source.js'
import { linkTarget } from '../map/url.js'
import { LetterError } from '../parse/errors.js'
import type { LetterMessage } from '../types.js'

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
  const fail = (problem: string) => new LetterError(`attachment "${displayName(name)}" ${problem}`, place.line, place.column, context.file)
  if (isUrl(name)) throw fail('is not a local file: only PDF files on this computer are attached, nothing is fetched')
  let real: string
  try {
    real = realpathSync(isAbsolute(name) ? name : resolve(base, name))
  } catch {
    throw fail('not found')
  }
  if (!statSync(real).isFile()) throw fail('is not a file')
  // Checked on the real path, so a symlink out of the letter's folder is refused like a "../" path.
  if (confined && !isAllowedPath(real, context.baseDir, context.allowPaths)) {
    throw fail(`is outside the letter's folder and was not read (--allow-path DIR allows a folder)`)
  }
  const data = new Uint8Array(readFileSync(real))
  // A PDF starts with "%PDF-" (readers accept a little junk before it); a Word file or an image renamed .pdf does not.
  if (!Buffer.from(data.subarray(0, 1024)).includes('%PDF-')) throw fail('is not a PDF file')
  return { name: displayName(name), path: real, data, ...place }
}

/** An absolute path (the CLI makes --attach paths absolute) shown relative to the cwd when it lies inside it. */
function displayName(name: string): string {
  if (!isAbsolute(name)) return name
  const rel = relative(process.cwd(), name)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : name
}

/** MuPDF's own messages ("repairing PDF document"), collected while it works on an attachment. */
let messages: string[] | null = null

/** Load MuPDF once, with its console output captured: it would otherwise print to stdout, which --json keeps clean. */
async function loadMupdf(): Promise<typeof Mupdf> {
  // MuPDF's WebAssembly module reads its print hooks from this global when it is first imported.
  const g = globalThis as { $libmupdf_wasm_Module?: object }
  const collect = (line: string) => void messages?.push(String(line))
  g.$libmupdf_wasm_Module ??= { print: collect, printErr: collect }
  return import('mupdf')
}

/** Append every page of each attachment, in order, to the rendered letter: the combined PDF and its page count. */
export async function appendAttachments(pdf: Uint8Array, attachments: Attachment[], file: string, warnings: LetterMessage[]): Promise<{ pdf: Uint8Array; pages: number }> {
  const mupdf = await loadMupdf()
  // The letter's own catalog, info dictionary, XMP and structure tree stay as they are: pages are only added.
  const out = new mupdf.PDFDocument(pdf)
  try {
    for (const attachment of attachments) {
      messages = []
      const source = openAttachment(mupdf, attachment, file, warnings)
      try {
        appendPages(out, source, attachment, file, warnings)
      } finally {
        source.destroy()
        messages = null
      }
    }
    setId(out, pdf, attachments)
    // garbage=compact drops unused objects and renumbers; no object streams, so the file stays readable to
    // simple tools (and to `letterpress check`'s font scan). Streams keep their compression. The ID set
    // above is kept: MuPDF would make up a new one from the clock, and reproducible builds need the same bytes.
    const buffer = out.saveToBuffer('garbage=compact,compress,regenerate-id=no')
    try {
      // A copy: the buffer's bytes live in MuPDF's WebAssembly memory, freed below.
      return { pdf: buffer.asUint8Array().slice(), pages: out.countPages() }
    } finally {
      buffer.destroy()
    }
  } finally {
    out.destroy()
  }
}

/**
 * The file's ID: the letter's permanent first half, and a second half (which changes when a file changes)
 * from the letter and its attachments, so the same inputs give the same ID.
 */
function setId(out: Mupdf.PDFDocument, letter: Uint8Array, attachments: Attachment[]): void {
  const hash = createHash('md5').update(letter)
  for (const attachment of attachments) hash.update(attachment.data)
  const trailer = out.getTrailer()
  const old = trailer.get('ID')
  const first = old.isArray() ? old.get(0) : null
  const id = out.newArray()
  id.push(first?.isString() ? first : out.newByteString(hash.copy().digest()))
  id.push(out.newByteString(hash.digest()))
  trailer.put('ID', id)
}

/** Open an attachment and make sure every page can be read before anything is copied from it. */
function openAttachment(mupdf: typeof Mupdf, attachment: Attachment, file: string, warnings: LetterMessage[]): Mupdf.PDFDocument {
  const fail = (problem: string) => new LetterError(`attachment "${attachment.name}" ${problem}`, attachment.line, attachment.column, file)
  const damaged = (error: unknown) => fail(`is damaged and could not be read (${String((error as Error)?.message ?? error)})`)
  let doc: Mupdf.PDFDocument
  try {
    doc = new mupdf.PDFDocument(attachment.data)
  } catch (error) {
    throw damaged(error)
  }
  try {
    // Refused even when it opens without a password: copying its pages would drop the owner's restrictions.
    const encryption = doc.getMetaData('encryption')
    if (doc.needsPassword() || (encryption !== undefined && encryption !== 'None')) throw fail('is encrypted; attach an unencrypted copy')
    try {
      if (doc.countPages() === 0) throw new Error('it has no pages')
      for (let i = 0; i < doc.countPages(); i++) doc.loadPage(i).destroy()
      // Annotations other than links (highlights, stamps, filled-in form fields) become part of the page
      // content, so what the attachment shows is what the merged file shows; its form itself is not kept.
      doc.bake(true, true)
    } catch (error) {
      throw damaged(error)
    }
  } catch (error) {
    doc.destroy()
    throw error
  }
  if (doc.wasRepaired()) {
    const why = messages?.find((m) => /error/.test(m))?.replace(/^[a-z ]*error: /, '')
    warnings.push({ message: `attachment "${attachment.name}" was damaged${why ? ` (${why})` : ''} and has been repaired; check its pages in the PDF`, line: attachment.line, column: attachment.column, source: 'letterpress:attach' })
  }
  return doc
}

/**
 * Graft the source's pages after the last page of `out`, then recreate its links: MuPDF's graftPage copies a
 * page's content, resources and boxes but not its annotations (they can point back into the source's page tree).
 */
function appendPages(out: Mupdf.PDFDocument, source: Mupdf.PDFDocument, attachment: Attachment, file: string, warnings: LetterMessage[]): void {
  const offset = out.countPages()
  const count = source.countPages()
  // One graft map per attachment: fonts and images its pages share are copied once.
  const map = out.newGraftMap()
  try {
    for (let i = 0; i < count; i++) map.graftPage(-1, source, i)
  } catch (error) {
    throw new LetterError(`attachment "${attachment.name}" is damaged and could not be copied (${String((error as Error)?.message ?? error)})`, attachment.line, attachment.column, file)
  } finally {
    map.destroy()
  }
  let dropped = 0
  for (let i = 0; i < count; i++) {
    const from = source.loadPage(i)
    const to = out.loadPage(offset + i)
    try {
      for (const link of from.getLinks()) {
        const uri = link.getURI()
        if (link.isExternal()) {
          // The same rule as the letter's own links: web, mail and phone links only (no file: or javascript:).
          if (linkTarget(uri)) to.createLink(link.getBounds(), uri).destroy()
          else dropped++
        } else {
          // A link to one of the attachment's own pages points to that page's copy.
          const dest = source.resolveLinkDestination(link)
          if (dest.page >= 0 && dest.page < count) to.createLink(link.getBounds(), out.formatLinkURI({ ...dest, page: offset + dest.page })).destroy()
          else dropped++
        }
        link.destroy()
      }
    } finally {
      from.destroy()
      to.destroy()
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
