import type { Root } from 'mdast'
import type { Theme } from '../theme/index.js'
import { handlers, unknown } from './handlers/index.js'
import { createState, type State } from './state.js'

export type { Handler, State } from './state.js'

/** The mapper's state for a letter: handlers table, theme, definitions, footnotes. */
export function createMapper(tree: Root, theme: Theme, baseDir: string): State {
  return createState(tree, { theme, baseDir, handlers, unknown })
}
