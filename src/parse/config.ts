import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { isThemePath } from '../theme/paths.js'
import type { LetterMessage } from '../types.js'
import { validateMeta } from './meta.js'
import type { RawMeta } from './schema.js'
import { parseYaml, type YamlSource } from './yaml.js'

/** Project-wide defaults: `letterpress.config.yaml` in `dir`, else the `letterpress` key of its package.json. */
export interface ProjectConfig {
  file: string | null
  raw: RawMeta
  warnings: LetterMessage[]
}

const CONFIG_NAMES = ['letterpress.config.yaml', 'letterpress.config.yml']
/** Every file a project config may come from (watched by --watch, whether it exists yet or not). */
export const CONFIG_FILES = [...CONFIG_NAMES, 'package.json']

/** Load and validate the project config in `dir` (none is fine); a broken one throws a LetterError naming it. */
export function loadConfig(dir: string): ProjectConfig {
  for (const name of CONFIG_NAMES) {
    const file = join(dir, name)
    if (!existsSync(file)) continue
    const { raw, warnings } = validateMeta(parseYaml(readFileSync(file, 'utf8'), file, 1, 'config'), file)
    return { file, raw: anchored(raw, dir), warnings: warnings.map((w) => ({ ...w, file })) }
  }
  const pkg = join(dir, 'package.json')
  if (existsSync(pkg)) {
    const whole = parseYaml(readFileSync(pkg, 'utf8'), pkg, 1, 'package.json')
    const value = whole.value as Record<string, unknown> | null
    if (value && typeof value === 'object' && 'letterpress' in value) {
      const { raw, warnings } = validateMeta(within(whole, 'letterpress'), pkg)
      return { file: pkg, raw: anchored(raw, dir), warnings: warnings.map((w) => ({ ...w, file: pkg })) }
    }
  }
  return { file: null, raw: {}, warnings: [] }
}

/** Paths in the config (a theme file, a signature, attached PDFs) are relative to the config's folder, not each letter's. */
function anchored(raw: RawMeta, dir: string): RawMeta {
  const out = { ...raw }
  if (out.theme && isThemePath(out.theme) && !isAbsolute(out.theme)) out.theme = resolve(dir, out.theme)
  if (out.signature && !isAbsolute(out.signature) && !/^[a-z][a-z0-9+.-]*:/i.test(out.signature)) out.signature = resolve(dir, out.signature)
  if (out.attach !== undefined) out.attach = (Array.isArray(out.attach) ? out.attach : [out.attach]).map((path) => (isAbsolute(path) || /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : resolve(dir, path)))
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
