import { isAbsolute, resolve } from 'node:path'
import type { z } from 'zod'
import { LetterError } from '../parse/errors.js'
import { parseYaml, type YamlSource } from '../parse/yaml.js'
import type { LetterMeta } from '../types.js'
import { deepMerge, isPlainObject } from '../util/merge.js'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'
import { classic } from './classic.js'
import { din5008 } from './din5008.js'
import { modern } from './modern.js'
import { pageBoxProblems } from './page-box.js'
import { themeSchema, type Theme } from './schema.js'

export type { Theme } from './schema.js'

/** Built-in themes by name. */
export const themes: Record<string, Theme> = { classic, modern, din5008 }

import { isThemePath } from './paths.js'

export { isThemePath }

/** What the theme resolver reads from the letter's metadata. */
export type ThemeChoice = Pick<LetterMeta, 'theme' | 'font' | 'colors' | 'paper'>

/** Where resolveTheme finds a theme file and how it reports it. */
export interface ThemeOptions {
  /** The folder a relative theme path is relative to (the letter's). */
  baseDir?: string
  /** The letter's path, named in errors. */
  file?: string
  /** Folders a theme file must lie in (a theme the letter or project config names); none for the user's own (--theme). */
  roots?: string[]
  /** Place of the `theme` field in the letter, for an error about the file it names. */
  place?: { line: number | null; column: number | null }
}

/**
 * The theme a letter asks for: a built-in one or a theme file (which may `extends` a built-in one), then the
 * letter's own colours and fonts, then the US Letter adjustments on Letter paper. Invalid values throw a
 * LetterError naming the key (and, for a theme file, its line).
 */
export function resolveTheme(choice: ThemeChoice, options: ThemeOptions = {}): Theme {
  const origin = options.file ?? 'letter.md'
  const letter = choice.paper === 'Letter'
  // On Letter paper a theme's letterPaper values apply on top of it, before anything laid over the theme.
  const onPaper = (base: Theme) => (letter && base.letterPaper ? deepMerge(base, base.letterPaper) : base)
  let theme: Theme
  if (isThemePath(choice.theme)) {
    const path = isAbsolute(choice.theme) ? choice.theme : resolve(options.baseDir ?? '.', choice.theme)
    // Read by the rule for every file a letter names: a refused file is never opened, so nothing of it is shown.
    const read = readFileSafely(path, { what: 'theme file', name: choice.theme, limit: READ_LIMITS.theme, roots: options.roots })
    if ('problem' in read) throw new LetterError(read.problem, options.place?.line ?? null, options.place?.column ?? null, options.file)
    const src = parseYaml(read.data.toString('utf8'), path, 1, 'theme file')
    const { extends: base = 'classic', letterPaper, ...overrides } = (isPlainObject(src.value) ? src.value : {}) as { extends?: unknown; letterPaper?: unknown }
    if (typeof base !== 'string' || !Object.hasOwn(themes, base)) {
      const { line, column } = src.place(['extends'])
      throw new LetterError(`"extends" must name a built-in theme (${Object.keys(themes).join(', ')})`, line, column, path)
    }
    theme = check(deepMerge(onPaper(themes[base]!), { ...overrides, name: themes[base]!.name }), src, path)
    // The file's own letterPaper values are checked once they apply, and named under their key.
    if (letter && letterPaper !== undefined) theme = check(deepMerge(theme, letterPaper), src, path, ['letterPaper'])
  } else {
    const base = Object.hasOwn(themes, choice.theme) ? themes[choice.theme] : undefined
    if (!base) throw new LetterError(`unknown theme "${choice.theme}"; built-in themes: ${Object.keys(themes).join(', ')}`, null, null, options.file)
    theme = onPaper(base)
  }
  const { body, heading, mono } = choice.font
  const fonts = { ...theme.fonts, ...(body && { body }), heading: heading ?? body ?? theme.fonts.heading, ...(mono && { mono }) }
  return check(deepMerge(theme, { fonts, colors: choice.colors }), undefined, origin)
}

/** Validate a merged theme; the first problem names its key, with its line when a theme file set it. */
function check(value: unknown, src: YamlSource | undefined, file: string, prefix: string[] = []): Theme {
  const result = themeSchema.safeParse(value)
  if (result.success) {
    // The text area is checked once every value is in its bounds: its problem names the key to change.
    const [problem] = pageBoxProblems(result.data)
    if (!problem) return result.data
    const path = [...prefix, ...problem.path]
    const where = src ? src.place(path) : { line: null, column: null }
    throw new LetterError(`theme value "${path.join('.')}" must be ${problem.message}`, where.line, where.column, file)
  }
  const issue = result.error.issues[0] as z.core.$ZodIssue
  const path = [...prefix, ...issue.path.map(String)]
  const key = path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '')
  const unknownKey = issue.code === 'unrecognized_keys'
  const where = src ? src.place(unknownKey ? [...path, issue.keys[0]!] : path, unknownKey) : { line: null, column: null }
  const message = unknownKey
    ? `unknown theme key "${[...path, ...issue.keys].join('.')}"`
    : `theme value "${key}" must be ${expectation(issue)}`
  throw new LetterError(message, where.line, where.column, file)
}

/** What an invalid value should have been: "at least 6" rather than zod's "Too small: expected number to be >=6". */
function expectation(issue: z.core.$ZodIssue): string {
  if ((issue.code === 'too_small' || issue.code === 'too_big') && (issue.origin === 'number' || issue.origin === 'int')) {
    const small = issue.code === 'too_small'
    const bound = small ? issue.minimum : issue.maximum
    const relation = issue.inclusive !== false ? (small ? 'at least' : 'at most') : small ? 'greater than' : 'less than'
    // Bounds in points come from millimetres (283.46…): two decimals say them exactly enough.
    return `${issue.origin === 'int' ? 'a whole number ' : ''}${relation} ${Number(Number(bound).toFixed(2))}`
  }
  return issue.message.replace(/^Invalid input: /, '').replace(/^expected /, '')
}
