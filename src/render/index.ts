import type { ReactElement } from 'react'
import { pdf, type DocumentProps } from '@react-pdf/renderer'
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

/** Lay out and render a react-pdf <Document> element to PDF bytes. */
export async function renderDocument(document: ReactElement<DocumentProps>): Promise<Rendered> {
  let pages = 0
  let lastPageFill = 0
  const onRender = ({ _INTERNAL__LAYOUT__DATA_: layout }: { _INTERNAL__LAYOUT__DATA_?: LayoutNode }) => {
    pages = layout?.children?.length ?? 0
    lastPageFill = fill(layout?.children?.at(-1))
  }
  const element = { ...document, props: { ...document.props, onRender } } as ReactElement<DocumentProps>
  const stream = (await pdf(element).toBuffer()) as unknown as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as unknown as Uint8Array))
  return { pdf: new Uint8Array(Buffer.concat(chunks)), pages, lastPageFill }
}
