import type { Root } from 'mdast'
import type { Theme } from '../theme/index.js'
import { handlers, unknown } from './handlers/index.js'
import { createState, type State } from './state.js'
import type { ImageSource } from './image-source.js'
import { measureWith } from '../fonts/measure.js'
import { PAPER_HEIGHT, PAPER_WIDTH } from '../theme/units.js'

export type { Handler, State } from './state.js'

/** The mapper's state for a letter: handlers table, theme, definitions, footnotes, the column's width and the page's text height. */
export function createMapper(
  tree: Root,
  theme: Theme,
  baseDir: string,
  pageWidth = PAPER_WIDTH.A4,
  allowPaths: string[] = [],
  pageHeight = PAPER_HEIGHT.A4,
  images?: Map<string, ImageSource>,
): State {
  const width = pageWidth - theme.page.margin.left - theme.page.margin.right
  const height = pageHeight - theme.page.margin.top - theme.page.margin.bottom
  return createState(tree, { theme, baseDir, allowPaths, images, width, height, measure: measureWith(theme.fonts.body), handlers, unknown })
}
