import type { Root } from 'mdast'
import type { ReactElement } from 'react'
import type { DocumentProps } from '@react-pdf/renderer'
import { createMapper } from '../map/index.js'
import type { ImageSource } from '../map/image-source.js'
import type { Theme } from '../theme/index.js'
import { PAPER_HEIGHT, PAPER_WIDTH } from '../theme/units.js'
import { layoutLetter, type LetterLayout } from './letter.js'
import { NO_HYPHEN_BREAKS, withTextDefaults } from './text-options.js'

/**
 * Map and lay out the letter with a given theme. Every layout of this render (--fit tries several) shares the
 * images read and checked for the first; the mapper's warnings are the same for every theme.
 */
export function letterBuilder(tree: Root, layout: LetterLayout, { baseDir, allowPaths }: { baseDir: string; allowPaths: string[] }) {
  const { paper, hyphenate } = layout.meta
  const images = new Map<string, ImageSource>()
  return (theme: Theme) => {
    const state = createMapper(tree, theme, baseDir, PAPER_WIDTH[paper], allowPaths, PAPER_HEIGHT[paper], images)
    // Without hyphenation, lines break at spaces only (see NO_HYPHEN_BREAKS).
    const textDefaults = hyphenate ? {} : { hyphenationPenalty: NO_HYPHEN_BREAKS }
    const element = withTextDefaults(layoutLetter(state, layout), textDefaults) as ReactElement<DocumentProps>
    return { element, warnings: state.warnings }
  }
}
