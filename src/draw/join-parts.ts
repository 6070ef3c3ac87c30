import type { Paginated } from './index.js'
import type { Instance } from './instances.js'

/** One part of a one-file application as laid out on its own: its pages, its title (its outline entry) and its language. */
export interface LaidPart {
  laid: Paginated
  title: string
  lang?: string
}

/** What a part's first page carries for drawing: its Part structure element and its outline entry. */
export interface PartMark {
  title: string
  lang?: string
}

/**
 * The parts' pages as one document to draw, in order: each part laid out on its own (its own page numbers,
 * max-pages and fit), the first part's document properties for the whole. The first page of each part
 * carries its outline entry (react-pdf's bookmark) and the mark that opens its Part in the one structure tree.
 */
export function joinParts(parts: LaidPart[], info: Record<string, unknown>): Paginated {
  const [first] = parts
  const pages: Instance[] = []
  parts.forEach(({ laid, title, lang }, ref) => {
    const [opening, ...rest] = laid.layout.children ?? []
    if (!opening) return
    const mark: PartMark = { title, lang: lang === first!.laid.options.lang ? undefined : lang }
    // Fit: a jump to a part shows its whole first page.
    const bookmark = { title, fit: true, expanded: false, ref }
    pages.push({ ...opening, props: { ...opening.props, part: mark, bookmark } }, ...rest)
  })
  return {
    ...parts.at(-1)!.laid,
    pages: pages.length,
    layout: { ...first!.laid.layout, children: pages },
    options: { ...first!.laid.options, info: { ...first!.laid.options.info, ...info } },
  }
}
