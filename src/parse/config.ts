import { isAbsolute, join, resolve } from 'node:path'
import { isThemePath } from '../theme/paths.js'
import type { LetterMessage } from '../types.js'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'
import { hasScheme } from '../util/url.js'
import { LetterError } from './errors.js'
import { NOWHERE, type Place } from './message.js'
import { validateMeta } from './meta.js'
import type { RawMeta } from './schema.js'
import { parseYaml, type YamlSource } from './yaml.js'

/** Project-wide defaults: `letterpress.config.yaml` in `dir`, else the `letterpress` key of its package.json. */
export interface ProjectConfig {
  file: string | null
  raw: RawMeta
  warnings: LetterMessage[]
  /** Line and column of a field in the config file (by its path), for messages about its value. */
  place: (path: readonly PropertyKey[]) => Place
}

const CONFIG_NAMES = ['letterpress.config.yaml', 'letterpress.config.yml']
/** Every file a project config may come from (watched by --watch, whether it exists yet or not). */
export const CONFIG_FILES = [...CONFIG_NAMES, 'package.json']

/** Load and validate the project config in `dir` (none is fine); a broken one throws a LetterError naming it. */
export function loadConfig(dir: string): ProjectConfig {
  for (const name of CONFIG_NAMES) {
    const file = join(dir, name)
    const text = readConfig(file, READ_LIMITS.config)
    if (text === undefined) continue
    const src = parseYaml(text, file, 1, 'config')
    const { raw, warnings } = validateMeta(src, file)
    return { file, raw: anchored(raw, dir), warnings: warnings.map((w) => ({ ...w, file })), place: (path) => src.place(path) }
  }
  const pkg = join(dir, 'package.json')
  const text = readConfig(pkg, READ_LIMITS.packageJson)
  if (text !== undefined) {
    const whole = parseYaml(text, pkg, 1, 'package.json')
    const value = whole.value as Record<string, unknown> | null
    if (value && typeof value === 'object' && 'letterpress' in value) {
      const src = within(whole, 'letterpress')
      const { raw, warnings } = validateMeta(src, pkg)
      return { file: pkg, raw: anchored(raw, dir), warnings: warnings.map((w) => ({ ...w, file: pkg })), place: (path) => src.place(path) }
    }
  }
  return { file: null, raw: {}, warnings: [], place: () => NOWHERE }
}

/** A config file's text, undefined when there is none; one that is a device, a pipe or too large throws a LetterError naming it. */
function readConfig(file: string, limit: number): string | undefined {
  const read = readFileSafely(file, { what: 'project config', limit })
  if ('data' in read) return read.data.toString('utf8')
  if (read.reason === 'missing') return undefined
  throw new LetterError(read.problem, null, null, file)
}

/** The files a project config names (its theme file, signature, attached PDFs), absolute: every letter reads them, so they are watched like the config. */
export function configPaths(raw: RawMeta): string[] {
  const attach = raw.attach === undefined ? [] : Array.isArray(raw.attach) ? raw.attach : [raw.attach]
  return [raw.theme && isThemePath(raw.theme) ? raw.theme : undefined, raw.signature, ...attach].filter(
    (p): p is string => Boolean(p) && isAbsolute(p!),
  )
}

/** Paths in the config (a theme file, a signature, attached PDFs) are relative to the config's folder, not each letter's. */
function anchored(raw: RawMeta, dir: string): RawMeta {
  const out = { ...raw }
  if (out.theme && isThemePath(out.theme) && !isAbsolute(out.theme)) out.theme = resolve(dir, out.theme)
  if (out.signature && !isAbsolute(out.signature) && !hasScheme(out.signature)) out.signature = resolve(dir, out.signature)
  if (out.attach !== undefined)
    out.attach = (Array.isArray(out.attach) ? out.attach : [out.attach]).map((path) =>
      isAbsolute(path) || hasScheme(path) ? path : resolve(dir, path),
    )
  return out
}

/** A view of one key of a YAML document, so places stay those of the whole file. */
function within(src: YamlSource, key: string): YamlSource {
  return {
    value: (src.value as Record<string, unknown>)[key],
    place: (path, isKey) => src.place([key, ...path], isKey),
    keys: (path) => src.keys([key, ...path]),
  }
}
