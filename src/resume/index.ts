import { FALLBACKS_AT } from '../fonts/fallbacks-hint.js'
import { LetterError, type Problem } from '../parse/errors.js'
import { checkSize } from '../parse/limits.js'
import type { Place } from '../parse/message.js'
import type { LetterMessage } from '../types.js'
import { resumeLines } from './markdown.js'
import { jsonPath } from './json-path.js'
import { readResume } from './read.js'
import { isResume } from './is-resume.js'

export { isResume }

/**
 * A JSON Resume as CV Markdown (front matter `layout: cv`, `##` sections, `###` entries with their date
 * line): the one conversion. A broken resume throws a LetterError placed at file:line:column, naming the JSON path.
 */
export function resumeToMarkdown(json: string, file: string): string {
  return convert(json, file).markdown
}

/** A render's source as Markdown, and the places of messages about it moved back into the file the user wrote. */
export interface LetterSource {
  markdown: string
  /** A warning about the Markdown, placed in the source. */
  warning(w: LetterMessage): LetterMessage
  /** An error about the Markdown, placed in the source. */
  error(e: unknown): unknown
}

/**
 * The first step of every render: a `.json` source is a JSON Resume, converted to CV Markdown (its messages
 * then name the JSON's lines, each at the value it shows); any other source is Markdown as it is.
 */
export function letterSource(text: string, path: string): LetterSource {
  if (!isResume(path)) return { markdown: text, warning: (w) => w, error: (e) => e }
  const { markdown, place, named } = convert(text, path)
  // A message about another file (a part the letter attaches) keeps its place.
  const ours = (p: { file?: string }) => p.file === undefined || p.file === path
  const moved = <T extends Problem>(p: T): T => (ours(p) && p.line !== null ? { ...p, ...place(p.line) } : p)
  return {
    markdown,
    warning: (w) => {
      if (!ours(w)) return w
      // Fallback fonts are set in the project config: the resume has no front matter of its own.
      const message = w.message.replace(FALLBACKS_AT.markdown, FALLBACKS_AT.resume)
      return w.line === null ? { ...w, message } : { ...w, ...place(w.line), message: named(message, w.line) }
    },
    error: (e) => {
      if (!(e instanceof LetterError) || !ours(e)) return e
      const first = moved({ message: e.message, line: e.line, column: e.column, file: e.file })
      return new LetterError(e.message, first.line, first.column, e.file, e.more.map(moved))
    },
  }
}

/** A front-matter field a message names first (`from.links: …`), as the Markdown spells it. */
const FIELD = /^from(?:\.[\w-]+)*(?=: )/

/** The resume read and converted; the place of each Markdown line in the JSON, and a message about a generated field renamed to the JSON path it shows. */
function convert(json: string, file: string) {
  checkSize(Buffer.byteLength(json), file)
  const source = readResume(json, file)
  const lines = resumeLines(source.resume)
  const place = (line: number): Place => {
    const shown = lines[line - 1]
    return shown?.path.length ? source.place(shown.path) : { line: 1, column: 1 }
  }
  const end = lines.findIndex((l, i) => i > 0 && l.text === '---')
  // Nothing below the front matter: the CV layout would say so of front matter the user never wrote.
  if (lines.slice(end + 1).every((l) => !l.text.trim()))
    throw new LetterError(
      'the resume has nothing to show besides basics: add work, education, skills or another JSON Resume section',
      1,
      1,
      file,
    )
  const named = (text: string, line: number): string => {
    const shown = lines[line - 1]
    return line - 1 < end && shown?.path.length ? text.replace(FIELD, jsonPath(shown.path)) : text
  }
  return { markdown: lines.map((l) => l.text).join('\n') + '\n', place, named }
}
