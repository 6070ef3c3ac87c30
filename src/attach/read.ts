// One-file applications: PDFs and Markdown files named by `attach:` or --attach are appended after the letter,
// so the letter, a CV and certificates go out as one file. They are found and read before the letter is laid out.
import { isAbsolute, resolve } from 'node:path'
import { NOWHERE, type Place } from '../parse/message.js'
import { LetterError } from '../parse/errors.js'
import { shownPath } from '../util/paths.js'
import { hasScheme } from '../util/url.js'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'
import { partKind, type PartKind } from '../parse/meta.js'
import { attachmentError } from './attachment-error.js'

/** A file to append: named as it was given (for messages), read from its real path. */
export interface Attachment {
  /** The path as the front matter or the caller gave it. */
  name: string
  /** Its real path (symlinks resolved). */
  path: string
  /** Its path as messages about its own lines name it (from the working folder). */
  file: string
  /** A PDF is copied; Markdown (and a JSON Resume) is rendered by letterpress. */
  kind: PartKind
  data: Uint8Array
  /** Place of its entry in the front matter; null for the caller's attachments. */
  line: number | null
  column: number | null
}

/** Where attachments are read from and how their problems are reported. */
export interface AttachContext {
  /** The letter's folder: the front matter's paths are relative to it. */
  baseDir: string
  /** Folders besides the letter's own that the front matter may name files in (--allow-path, the config's folder). */
  allowPaths: string[]
  /** The caller's working folder: the caller's paths are relative to it, and paths in messages are shown from it. */
  cwd: string
  /** The letter's path, named in errors. */
  file: string
  /** Place of the front matter's entry `index` of `attach`. */
  placeOf?: (index: number) => Place
}

/** Find, confine and read the files to append (front matter's, then the caller's); a bad one throws a LetterError naming it. */
export function readAttachments(fromLetter: string[], fromCaller: string[], context: AttachContext): Attachment[] {
  // The front matter's paths are relative to the letter and confined to its folder and allowPaths, as images
  // are (a letter may come from someone else); the caller's are relative to the cwd and not confined, because
  // paths on the command line are the user's own.
  return [
    ...fromLetter.map((name, i) => readOne(name, context.baseDir, true, context.placeOf?.(i) ?? NOWHERE, context)),
    ...fromCaller.map((name) => readOne(name, context.cwd, false, NOWHERE, context)),
  ]
}

function readOne(name: string, base: string, confined: boolean, place: Place, context: AttachContext): Attachment {
  const shown = shownPath(name, context.cwd)
  const fail = (problem: string) => attachmentError({ name: shown, ...place }, problem, context.file)
  if (hasScheme(name)) throw fail('is not a local file: only files on this computer are attached, nothing is fetched')
  // Confinement is checked on the real path, so a symlink out of the letter's folder is refused like a "../" path.
  const roots = confined ? [context.baseDir, ...context.allowPaths] : undefined
  const kind = partKind(name)
  const path = isAbsolute(name) ? name : resolve(base, name)
  const read = readFileSafely(path, {
    what: 'attachment',
    name: shown,
    limit: kind === 'pdf' ? READ_LIMITS.attachment : READ_LIMITS.letter,
    roots,
  })
  if ('problem' in read) throw new LetterError(read.problem, place.line, place.column, context.file)
  const { data, real } = read
  // A PDF starts with "%PDF-" (readers accept a little junk before it); a Word file or an image renamed .pdf does not.
  if (kind === 'pdf' && !Buffer.from(data.subarray(0, 1024)).includes('%PDF-'))
    throw fail(/\.pdf$/i.test(name) ? 'is not a PDF file' : 'is not a PDF, Markdown (.md) or JSON Resume (.json) file')
  return { name: shown, path: real, file: shownPath(path, context.cwd), kind, data, line: place.line, column: place.column }
}
