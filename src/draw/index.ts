import type { ReactElement } from 'react'
import type { DocumentProps } from '@react-pdf/renderer'
import { toInstances } from './instances.js'
import { paginateTagged, drawTagged, type TaggedOptions } from './tagged.js'
import type { Instance } from './instances.js'
import { lostText } from './lost-text.js'
export { joinParts, type LaidPart } from './join-parts.js'
import { LetterError } from '../parse/errors.js'
import { installPatches } from '../patches/index.js'

/** A laid-out document: its page count and how full the last page is, ready to render. */
export interface Paginated {
  pages: number
  /** Height in points of the flowing content on the last page, from its top margin down. */
  lastPageFill: number
  layout: Instance
  options: TaggedOptions
}

/** PDF bytes with the layout they came from. */
export interface Drawn extends Paginated {
  pdf: Uint8Array
}

type Box = { top: number; height: number; paddingTop?: number; marginBottom?: number }
type LayoutNode = { box?: Box; style?: { position?: string }; props?: { fixed?: boolean }; children?: LayoutNode[] }

/** How far down the flowing (not fixed, not absolutely placed) content of a laid-out page reaches. */
function fill(page: LayoutNode | undefined): number {
  if (!page?.box) return 0
  const flowing = (page.children ?? []).filter((c) => c.box && !c.props?.fixed && c.style?.position !== 'absolute')
  const bottom = Math.max(0, ...flowing.map((c) => c.box!.top + c.box!.height + (c.box!.marginBottom ?? 0)))
  return Math.max(0, bottom - (page.box.paddingTop ?? 0))
}

/** Lay out a react-pdf <Document> element (no PDF yet). */
export async function paginate(document: ReactElement<DocumentProps>): Promise<Paginated> {
  installPatches()
  const [root] = toInstances(document)
  if (!root || root.type !== 'DOCUMENT') throw new Error('paginate needs a <Document> element')
  const props = (root.props ?? {}) as DocumentProps
  const layout = await paginateTagged(root)
  const pages = layout.children ?? []
  const options = {
    lang: props.language,
    conformance: props.conformance,
    info: {
      Title: props.title,
      Author: props.author,
      Subject: props.subject,
      Keywords: props.keywords,
      Creator: props.creator,
      Producer: props.producer,
      CreationDate: props.creationDate,
    },
  }
  return { pages: pages.length, lastPageFill: fill(pages.at(-1) as LayoutNode | undefined), layout, options }
}

/** Render a laid-out document to tagged PDF bytes; a layout that lost text fails instead of rendering. */
export async function drawPdf(laid: Paginated): Promise<Drawn> {
  installPatches()
  const lost = lostText(laid.layout)
  if (lost) throw new LetterError(lost)
  return { ...laid, pdf: await drawTagged(laid.layout, laid.options) }
}

/** Lay out and render a react-pdf <Document> element to tagged PDF bytes. */
export async function drawDocument(document: ReactElement<DocumentProps>): Promise<Drawn> {
  return drawPdf(await paginate(document))
}
