import type { Root } from 'mdast'
import type { ReactElement } from 'react'
import { Font, type DocumentProps } from '@react-pdf/renderer'
import { createMapper, type State } from '../map/index.js'
import type { ImageSource } from '../map/image-source.js'
import type { Theme } from '../theme/index.js'
import { PAPER_HEIGHT, PAPER_WIDTH } from '../theme/units.js'
import type { LetterMeta } from '../types.js'
import { cvParts, type CvParts } from './cv-structure.js'
import { layoutCv } from './cv.js'
import { documentProperties, type DocumentInfo } from './document.js'
import { labelsFor } from './labels.js'
import { message, NOWHERE, type Place } from '../parse/message.js'
import { NO_HYPHEN_BREAKS, withTextDefaults } from './text-options.js'

/** A CV's title: its own, else the name and the word for a CV ("Ada Lindqvist – CV"); none without either. */
function cvTitle(meta: Pick<LetterMeta, 'title' | 'from' | 'lang'>): string | undefined {
  const name = meta.from?.name
  return meta.title ?? (name ? `${name} – ${labelsFor(meta.lang).cv}` : undefined)
}

/** What a CV without a name is told: nothing names it at the top, in its Author or its Title. */
const NO_NAME =
  'a CV without from.name has no name at the top (nor an Author for `check`); add from: { name: … } or open it with a # Name heading'

/** Load the heading faces an entry's line is measured in (its title bold, its dates regular) before it is laid out. */
export async function loadCvFaces(theme: Theme): Promise<void> {
  for (const fontWeight of [400, 700]) await Font.load({ fontFamily: theme.fonts.heading, fontWeight, fontStyle: 'normal' } as never)
}

/**
 * The CV's parts and document properties, and a builder that maps and lays it out with a given theme (as
 * letterBuilder does for a letter: every layout --fit tries shares the images read for the first). Its title
 * is the name and the word for a CV ("Ada Lindqvist – CV") unless the front matter gives one.
 */
export function cvBuilder(
  tree: Root,
  meta: LetterMeta,
  { file, baseDir, allowPaths, sourceDateEpoch }: { file: string; baseDir: string; allowPaths: string[]; sourceDateEpoch?: number },
  where: (path: readonly PropertyKey[]) => Place = () => NOWHERE,
): {
  parts: CvParts
  meta: LetterMeta
  document: DocumentInfo
  build: (theme: Theme) => { element: ReactElement<DocumentProps>; warnings: State['warnings'] }
} {
  const parts = cvParts(tree, file, !meta.from?.name)
  // A `#` heading that opens a CV without from.name is its name: at the top, its Author and its Title.
  const named = parts.name ? { ...meta, from: { address: [], links: [], ...meta.from, name: parts.name } } : meta
  const title = cvTitle(named)
  // A CV has no subject: the field does nothing (and is warned about), not even as a Title.
  const { document } = documentProperties({ ...named, title, subject: undefined }, { body: [] }, file, sourceDateEpoch)
  const warnings = named.from?.name
    ? []
    : [message(NO_NAME, 'letterpress:cv', where(['from']).line !== null ? where(['from']) : where(['layout']))]
  const { paper, hyphenate } = meta
  const images = new Map<string, ImageSource>()
  const build = (theme: Theme) => {
    const state = createMapper(tree, theme, baseDir, PAPER_WIDTH[paper], allowPaths, PAPER_HEIGHT[paper], images)
    const textDefaults = hyphenate ? {} : { hyphenationPenalty: NO_HYPHEN_BREAKS }
    const element = withTextDefaults(layoutCv(state, { parts, meta: named, document }), textDefaults) as ReactElement<DocumentProps>
    return { element, warnings: [...warnings, ...state.warnings] }
  }
  return { parts, meta: named, document, build }
}
