import type { Root } from 'mdast'
import type { Theme } from '../theme/index.js'
import { handlers, unknown } from './handlers/index.js'
import { createState, type State } from './state.js'
import { measureWith } from '../fonts/measure.js'
import { PAPER_WIDTH } from '../theme/units.js'

export type { Handler, State } from './state.js'

/** The mapper's state for a letter: handlers table, theme, definitions, footnotes, the column's width. */
export function createMapper(tree: Root, theme: Theme, baseDir: string, pageWidth = PAPER_WIDTH.A4, allowPaths: string[] = []): State {
  const width = pageWidth - theme.page.margin.left - theme.page.margin.right
  return createState(tree, { theme, baseDir, allowPaths, width, measure: measureWith(theme.fonts.body), handlers, unknown })
}
