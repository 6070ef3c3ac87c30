import { Font } from '@react-pdf/renderer'
import layoutDocument from '@react-pdf/layout'
import renderPDF from '@react-pdf/render'
import PDFDocument from 'pdfkit'
import { extendLinks } from '../patches/pdfkit-link.js'
import type { Instance } from './instances.js'
import type { PartMark } from './join-parts.js'
import type { Role } from '../structure/role.js'

/** A struct element as pdfkit makes it (only what is used here). */
type Struct = { add(child: unknown): Struct }
type Doc = {
  struct(type: Role | 'Document' | 'Part' | 'Link', options?: Record<string, unknown>): Struct
  addStructure(struct: Struct): Doc
  markStructureContent(tag: string): unknown
  markContent(tag: string, options?: Record<string, unknown>): Doc
  endMarkedContent(): Doc
  on(event: string, listener: (chunk: Buffer) => void): void
  link(x: number, y: number, w: number, h: number, url: unknown, options?: Record<string, unknown>): Doc
}

/** Content drawn by these nodes is marked and tied to a structure element; their children are not walked. */
const LEAVES = new Set(['TEXT', 'IMAGE', 'SVG'])
/** Structure elements that hold their text directly (a list label, a list item's body), not in paragraphs of their own. */
const HOLDS_TEXT: ReadonlySet<string> = new Set<Role>(['Lbl', 'LBody'])

/** A zero-size canvas whose paint callback runs at its place in the drawing order. */
const marker = (paint: () => void): Instance => ({
  type: 'CANVAS',
  box: { left: 0, top: 0, width: 1e-3, height: 1e-3, paddingTop: 0, paddingLeft: 0, paddingRight: 0, paddingBottom: 0 },
  style: {},
  props: { paint },
  children: [],
})

/**
 * Tag the laid-out letter: every leaf (a text block, an image) gets a marked-content sequence tied to the
 * structure element of its nearest `role` (P, H1…H6, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure…), or to a P
 * when it has none; `role: 'Artifact'` marks running headers and decoration. Parts of one block split
 * across pages share its props, so they share one structure element. Markers are zero-size canvases
 * placed around the leaves, so react-pdf's own renderer draws everything else unchanged.
 */
function tag(doc: Doc, root: Instance, document: Struct) {
  const structs = new WeakMap<object, Struct>()
  // The block being drawn, and its Link elements by target: react-pdf draws a link's annotations while it
  // draws the text, one per line the link spans; they go into one Link element of that block.
  let drawing: { struct: Struct; links: Map<unknown, Struct> } | null = null
  extendLinks(doc, (url) => {
    if (!drawing) return undefined
    let element = drawing.links.get(url)
    if (!element) {
      element = doc.struct('Link')
      drawing.struct.add(element)
      drawing.links.set(url, element)
    }
    return { structParent: element, Contents: new String(String(url)) }
  })
  const structFor = (props: Record<string, unknown>, parent: Struct): Struct => {
    let struct = structs.get(props)
    if (!struct) {
      const role = props.role as Role
      struct = doc.struct(role, props.alt ? { alt: props.alt } : {})
      parent.add(struct)
      structs.set(props, struct)
    }
    return struct
  }
  const walk = (node: Instance, parent: Struct, artifact: boolean, parentRole: Role | '' = '') => {
    const children = node.children ?? []
    const out: Instance[] = []
    for (const child of children) {
      const props = child.props ?? {}
      const isArtifact = artifact || props.role === 'Artifact'
      const hasRole = typeof props.role === 'string' && props.role !== 'Artifact'
      if (LEAVES.has(child.type)) {
        if (isArtifact) {
          out.push(
            marker(() => doc.markContent('Artifact')),
            child,
            marker(() => doc.endMarkedContent()),
          )
        } else {
          // A block of text with no role of its own is a paragraph. Structure elements are made here, in
          // drawing order, so the structure tree reads in the letter's order.
          const leafProps = child.props ?? (child.props = {})
          const direct = !hasRole && HOLDS_TEXT.has(parentRole)
          if (!hasRole && !direct) leafProps.role = 'P'
          const struct = direct ? parent : structFor(leafProps, parent)
          const tagName = direct ? parentRole : (leafProps.role as Role)
          const begin = () => {
            struct.add(doc.markStructureContent(tagName))
            drawing = { struct, links: new Map() }
          }
          const end = () => {
            doc.endMarkedContent()
            drawing = null
          }
          out.push(marker(begin), child, marker(end))
        }
        continue
      }
      walk(child, hasRole && !isArtifact ? structFor(props, parent) : parent, isArtifact, hasRole ? (props.role as Role) : parentRole)
      out.push(child)
    }
    node.children = out
  }
  // A one-file application: each part (the letter, each attached Markdown file) is a Part of the one Document, in order.
  let parent = document
  for (const page of root.children ?? []) {
    const part = page.props?.part as PartMark | undefined
    if (part) document.add((parent = doc.struct('Part', { title: part.title, lang: part.lang })))
    walk(page, parent, false)
  }
}

/** Options for a tagged document, as react-pdf would pass them to pdfkit. */
export interface TaggedOptions {
  info: Record<string, unknown>
  lang?: string
  conformance?: string
}

/** Lay out with react-pdf: pages and boxes, no PDF yet (enough to count pages, as --fit does). */
export async function paginateTagged(root: Instance): Promise<Instance> {
  // The layout step takes react-pdf's font store as its second argument (its types omit it).
  return (await (layoutDocument as unknown as (d: unknown, f: unknown) => Promise<unknown>)(root, Font)) as Instance
}

/**
 * Drop drawings left with no height or width: react-pdf can split an Svg at a page end inside deeply nested
 * content, and its renderer then scales by width ÷ 0 and pdfkit would throw on the Infinity.
 */
export function dropEmptyDrawings(node: Instance): void {
  if (!node.children) return
  node.children = node.children.filter((child) => child.type !== 'SVG' || !child.box || (child.box.width! > 0 && child.box.height! > 0))
  for (const child of node.children) dropEmptyDrawings(child)
}

/** Render a laid-out document through pdfkit with a structure tree (tagged PDF). */
export async function drawTagged(layout: Instance, options: TaggedOptions): Promise<Uint8Array> {
  dropEmptyDrawings(layout)
  const ctx = new (PDFDocument as unknown as new (o: object) => Doc)({
    compress: true,
    subset: options.conformance,
    pdfVersion: '1.7',
    lang: options.lang,
    displayTitle: true,
    autoFirstPage: false,
    tagged: true,
    info: Object.fromEntries(Object.entries(options.info).filter(([, v]) => v !== undefined)),
  })
  const document = ctx.struct('Document')
  ctx.addStructure(document)
  tag(ctx, layout, document)
  const chunks: Buffer[] = []
  ctx.on('data', (chunk) => chunks.push(chunk))
  const done = new Promise<void>((resolve) => (ctx as unknown as { on(e: string, l: () => void): void }).on('end', resolve))
  renderPDF(ctx as never, layout as never)
  await done
  return new Uint8Array(Buffer.concat(chunks))
}
