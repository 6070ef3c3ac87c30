import type { ReactElement } from 'react'
import type { DocumentProps } from '@react-pdf/renderer'
import { toInstances } from './instances.js'
import { renderTagged } from './tagged.js'
import './pdfkit-patches.js'

/** PDF bytes, the page count react-pdf laid out, and how full the last page is. */
export interface Rendered {
  pdf: Uint8Array
  pages: number
  /** Height in points of the flowing content on the last page, from its top margin down. */
  lastPageFill: number
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

/** Lay out and render a react-pdf <Document> element to tagged PDF bytes. */
export async function renderDocument(document: ReactElement<DocumentProps>): Promise<Rendered> {
  const [root] = toInstances(document)
  if (!root || root.type !== 'DOCUMENT') throw new Error('renderDocument needs a <Document> element')
  const props = (root.props ?? {}) as DocumentProps
  const { pdf, layout } = await renderTagged(root, {
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
  })
  const pages = layout.children ?? []
  return { pdf, pages: pages.length, lastPageFill: fill(pages.at(-1) as LayoutNode | undefined) }
}
