import type { LetterMeta } from '../types.js'
import type { ParsedLetter } from './index.js'
import { NOWHERE, type Place } from './message.js'
import { hasField, mergeLayers, resolveMeta, type MetaOverrides } from './meta.js'
import { fillPlaceholders } from './placeholders.js'
import type { RawMeta } from './schema.js'

/** What a caller lays under and over a letter's front matter: the project config, the overrides and a data row. */
export interface MetaInputs extends MetaOverrides {
  /** Project-wide defaults (letterpress.config.yaml), laid under the front matter. */
  config?: RawMeta
  /** Mail merge: a data row whose values fill the letter's {{placeholders}} (besides its own fields). */
  values?: Record<string, unknown>
  /** The row's name in messages ("row 3"). */
  row?: string
}

/** A letter's metadata as every later step reads it. */
export interface ReadMeta {
  /** The project config and the front matter merged, placeholders filled: what was set, before defaults. */
  layers: RawMeta
  meta: LetterMeta
  /** Place of a field the letter's own front matter sets; NOWHERE for one from the project config. */
  place: (path: readonly PropertyKey[]) => Place
}

/**
 * Fill the placeholders (in the front matter, from the data row; in the text, from both) and resolve the
 * merged layers and overrides into the letter's meta. The tree's text is filled in place.
 */
export function readMeta(parsed: ParsedLetter, inputs: MetaInputs, file: string): ReadMeta {
  const place = (path: readonly PropertyKey[]) => (hasField(parsed.raw, path) ? parsed.place(path) : NOWHERE)
  // Placeholders are filled before anything reads the fields or the text (checked after parsing, so places hold).
  const layers = fillPlaceholders(
    parsed.tree,
    mergeLayers(inputs.config ?? {}, parsed.raw),
    { row: inputs.values, label: inputs.row, place },
    file,
  )
  const meta = resolveMeta(layers, {
    theme: inputs.theme,
    paper: inputs.paper,
    maxPages: inputs.maxPages,
    fit: inputs.fit,
    pdfa: inputs.pdfa,
    sourceDateEpoch: inputs.sourceDateEpoch,
    attach: inputs.attach,
  })
  return { layers, meta, place }
}
