/** Characters that are Markdown syntax wherever they stand: emphasis, code, links, HTML, entities, headings, tables, strikethrough. */
const SYNTAX = /[\\`*_[\]<>#|~&!]/g

/** What is syntax only at the start of a line: a list item (`-`, `+`, `1.`, `1)`), a heading underline (`=`). */
const LINE_START = /^(?:([-+=])|(\d+)([.)]))/

/**
 * One line of a user's text as Markdown that reads back as exactly that text: syntax characters escaped
 * (so `*`, `_`, `#`, `<`, `[`, `&`, a leading `1.`, `-` or `>` are letters, not syntax), runs of white
 * space (line breaks too) as one space, none at the ends (an indent would be code).
 */
export function escapeLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SYNTAX, '\\$&')
    .replace(LINE_START, (_, mark: string | undefined, digits: string, end: string) => (mark ? `\\${mark}` : `${digits}\\${end}`))
}

/**
 * A user's text as Markdown paragraphs: a blank line starts a new paragraph, a single line break stays one
 * (a hard break), each line escaped as escapeLine does. Empty when the text holds nothing to show.
 */
export function escapeParagraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*(?:\r?\n\s*)+/)
    .map((paragraph) =>
      paragraph
        .split(/\r?\n|\r/)
        .map(escapeLine)
        .filter(Boolean)
        .join('\\\n'),
    )
    .filter(Boolean)
}

/** A URL as a Markdown link destination: in angle brackets, so spaces and parentheses stay in it. */
export function escapeUrl(url: string): string {
  return `<${url.replace(/[\r\n]+/g, '').replace(/[<>\\]/g, '\\$&')}>`
}
