import { dirname, isAbsolute, resolve } from 'node:path'
import { message } from '../parse/message.js'
import { enclosureName } from '../parse/meta.js'
import { readLetter, type ReadLetter } from '../parse/read-letter.js'
import type { MetaInputs } from '../parse/read-meta.js'
import type { RawMeta } from '../parse/schema.js'
import { letterSource, type LetterSource } from '../resume/index.js'
import { isThemePath } from '../theme/index.js'
import type { Attachment } from './read.js'

/** An attached Markdown file read as a letter of its own: its source, where its files are, and its title. */
export interface MarkdownPart extends ReadLetter {
  /** Its own folder (its images and signature are relative to it), and the folders it may also read from. */
  files: { baseDir: string; allowPaths: string[]; file: string }
  /** Its title in its own words (title, subject, `#` heading), else its file name: how the letter lists it under Enclosures. */
  title: string
  /** Its text as Markdown, and how messages about that Markdown are placed in the file attached (a JSON Resume's lines). */
  converted: LetterSource
}

/** The letter's settings an attached file takes unless its own front matter sets them: its look, its language and its sender. */
const SHARED = ['theme', 'paper', 'font', 'fallbacks', 'colors', 'lang', 'hyphenate', 'from'] as const

/** What the letter hands its Markdown parts: its merged layers (config and front matter), its folders, and the caller's overrides. */
export interface PartContext {
  layers: RawMeta
  baseDir: string
  allowPaths: string[]
  /** The caller's overrides that hold for the whole file (--theme, --paper, --no-pdfa, the date, a data row); never max-pages or fit, which count the letter. */
  inputs: Omit<MetaInputs, 'config' | 'maxPages' | 'fit' | 'attach'>
  /** What a source is about in its own words, as its layout says (none when it says nothing). */
  topic: (source: ReadLetter, file: string) => string | undefined
}

/**
 * Read an attached Markdown file as a letter of its own: the letter's shared settings (SHARED) laid under its
 * front matter, its own max-pages and fit, its messages naming its own file and lines.
 */
export function readMarkdownPart(attachment: Attachment, context: PartContext): MarkdownPart {
  const base: RawMeta = {}
  for (const key of SHARED) if (context.layers[key] !== undefined) Object.assign(base, { [key]: context.layers[key] })
  // A theme file the letter names is relative to the letter's folder, not the part's.
  if (base.theme && isThemePath(base.theme) && !isAbsolute(base.theme)) base.theme = resolve(context.baseDir, base.theme)
  // A JSON Resume becomes CV Markdown here (the one conversion), its messages placed back in the JSON.
  const converted = letterSource(Buffer.from(attachment.data).toString('utf8'), attachment.file)
  let source: ReadLetter
  try {
    source = readLetter(converted.markdown, attachment.file, { ...context.inputs, config: base })
  } catch (error) {
    throw converted.error(error)
  }
  const { raw, place } = source.parsed
  if (raw.attach !== undefined)
    source.warnings.push(
      message("an attached file's own attachments are not appended; attach them to the letter", 'letterpress:attach', place(['attach'])),
    )
  const topic = context.topic(source, attachment.file)
  return {
    ...source,
    converted,
    // Its images may lie in its own folder besides the letter's.
    files: { baseDir: dirname(attachment.path), allowPaths: [context.baseDir, ...context.allowPaths], file: attachment.file },
    title: enclosureName(attachment.file, topic),
  }
}
