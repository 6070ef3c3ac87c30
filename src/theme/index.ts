import { isAbsolute, resolve } from 'node:path'
import type { z } from 'zod'
import { didYouMean } from '../parse/did-you-mean.js'
import { LetterError, problemsError, type Problem } from '../parse/errors.js'
import { NOWHERE, type Place } from '../parse/message.js'
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
  /** Place of the `theme` field (in the letter or the config), for an error about the theme or file it names. */
  place?: Place
}

/**
 * The theme a letter asks for: a built-in one or a theme file (which may `extends` a built-in one), then the
 * letter's own colours and fonts, then the US Letter adjustments on Letter paper. Invalid values throw one
 * LetterError for every problem of the file, each naming its key (and, for a theme file, its line).
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
    const {
      extends: named = 'classic',
      letterPaper,
      ...overrides
    } = (isPlainObject(src.value) ? src.value : {}) as { extends?: unknown; letterPaper?: unknown }
    const problems: Problem[] = []
    // A wrong "extends" is one problem; the rest of the file is still checked, over classic.
    const known = typeof named === 'string' && Object.hasOwn(themes, named)
    if (!known)
      problems.push({
        message: `"extends" must name a built-in theme (${Object.keys(themes).join(', ')})`,
        ...src.place(['extends']),
        file: path,
      })
    const base = onPaper(themes[known ? (named as string) : 'classic']!)
    const own = themeProblems(deepMerge(base, { ...overrides, name: base.name }), src, path)
    problems.push(...own.problems)
    // The file's own letterPaper values are checked once they apply, and named under their key (over the
    // built-in theme alone while the rest of the file has problems, so each problem is named once).
    const paper =
      letter && letterPaper !== undefined ? themeProblems(deepMerge(own.theme ?? base, letterPaper), src, path, ['letterPaper']) : undefined
    problems.push(...(paper?.problems ?? []))
    if (problems.length) throw problemsError(problems)
    theme = (paper?.theme ?? own.theme)!
  } else {
    const base = Object.hasOwn(themes, choice.theme) ? themes[choice.theme] : undefined
    if (!base)
      throw new LetterError(
        `unknown theme "${choice.theme}"; built-in themes: ${Object.keys(themes).join(', ')}`,
        options.place?.line ?? null,
        options.place?.column ?? null,
        options.file,
      )
    theme = onPaper(base)
  }
  const { body, heading, mono } = choice.font
  const fonts = { ...theme.fonts, ...(body && { body }), heading: heading ?? body ?? theme.fonts.heading, ...(mono && { mono }) }
  const laid = themeProblems(deepMerge(theme, { fonts, colors: choice.colors }), undefined, origin)
  if (laid.problems.length) throw problemsError(laid.problems)
  return laid.theme!
}

/**
 * Check a theme name or theme file (and colours laid over it) before any letter uses it: resolved on A4 and on
 * Letter paper, so its Letter-paper values are checked too; every problem throws at once, as one LetterError.
 */
export function checkTheme(theme: string, options: ThemeOptions = {}, colors: ThemeChoice['colors'] = {}): void {
  const problems: Problem[] = []
  for (const paper of ['A4', 'Letter'] as const) {
    try {
      resolveTheme({ theme, font: {}, colors, paper }, options)
    } catch (error) {
      if (!(error instanceof LetterError)) throw error
      problems.push(...error.problems)
    }
  }
  if (problems.length) throw problemsError(problems)
}

/**
 * A merged theme, or every problem it has: each schema problem names its key (with its line when a theme file
 * set it; an unknown key with the nearest known one), then the text area once every value is in its bounds.
 */
function themeProblems(
  value: unknown,
  src: YamlSource | undefined,
  file: string,
  prefix: string[] = [],
): { theme?: Theme; problems: Problem[] } {
  const where = (path: PropertyKey[], key = false) => (src ? src.place(path, key) : NOWHERE)
  const result = themeSchema.safeParse(value)
  if (result.success) {
    const problems = pageBoxProblems(result.data).map((problem) => {
      const path = [...prefix, ...problem.path]
      return { message: `theme value "${path.join('.')}" must be ${problem.message}`, ...where(path), file }
    })
    return problems.length ? { problems } : { theme: result.data, problems }
  }
  const problems = result.error.issues.flatMap((issue: z.core.$ZodIssue): Problem[] => {
    const path = [...prefix, ...issue.path.map(String)]
    if (issue.code !== 'unrecognized_keys')
      return [{ message: `theme value "${path.join('.')}" must be ${expectation(issue)}`, ...where(path), file }]
    const known = knownKeys(issue.path.map(String))
    return issue.keys.map((key) => ({
      message: `unknown theme key "${[...path, key].join('.')}"${didYouMean(key, known)}`,
      ...where([...path, key], true),
      file,
    }))
  })
  return { problems }
}

/** The keys the theme schema knows in the mapping at `path` (for "did you mean"). */
function knownKeys(path: readonly string[]): string[] {
  type Node = { _zod: { def: { type: string; innerType?: Node } }; shape?: Record<string, Node> }
  const unwrap = (node: Node | undefined) => (node?._zod.def.type === 'optional' ? node._zod.def.innerType : node)
  let node = unwrap(themeSchema as unknown as Node)
  for (const key of path) node = unwrap(node?.shape?.[key])
  return node?.shape ? Object.keys(node.shape) : []
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
