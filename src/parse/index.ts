import type { Root, Yaml } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import type { LetterMessage } from '../types.js'
import { LetterError } from './errors.js'
import { checkSource } from './limits.js'
import { NOWHERE, type Place } from './message.js'
import { validateMeta } from './meta.js'
import type { RawMeta } from './schema.js'
import { parseYaml } from './yaml.js'

/** A parsed letter: its front matter layer (validated, not yet merged), its tree and its file. */
export interface ParsedLetter {
  raw: RawMeta
  /** Whether the letter had front matter at all. */
  hasFrontMatter: boolean
  tree: Root
  file: VFile
  warnings: LetterMessage[]
  /** Line and column of a front matter field (by its path), for messages about its value. */
  place: (path: readonly PropertyKey[]) => Place
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

/** Line endings as LF: CRLF and a lone CR (old Mac files) end a line for the reader, and so for front matter and messages. */
function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/**
 * Parse Markdown with GFM and YAML front matter; bad front matter throws a LetterError with its place, and
 * so does Markdown nested or marked up past the limits (checked before parsing, see checkSource).
 */
export function parseLetter(text: string, path = 'letter.md'): ParsedLetter {
  const markdown = normaliseNewlines(text)
  checkSource(markdown, path)
  const file = new VFile({ path, value: markdown })
  const tree = processor.parse(file) as Root
  const yaml = tree.children.find((n): n is Yaml => n.type === 'yaml')
  // A first line of three dashes opens front matter (as remark-frontmatter reads it): without its closing line
  // the fields would be set as the letter's text.
  if (!yaml && /^---[ \t]*(?:\n|$)/.test(markdown)) {
    throw new LetterError(
      'front matter opened here is never closed: end it with a line of three dashes (---) before the letter',
      1,
      1,
      path,
    )
  }
  if (!yaml) return { raw: {}, hasFrontMatter: false, tree, file, warnings: [], place: () => NOWHERE }
  // The YAML text starts on the line after the opening "---".
  const firstLine = (yaml.position?.start.line ?? 1) + 1
  const source = parseYaml(yaml.value, path, firstLine)
  const { raw, warnings } = validateMeta(source, path)
  return { raw, hasFrontMatter: true, tree, file, warnings, place: (fieldPath) => source.place(fieldPath) }
}

export { LetterError }
