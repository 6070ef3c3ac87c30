import { cloneElement, isValidElement, type ReactNode } from 'react'
import type { Definition, FootnoteDefinition, Nodes, Parents, Root, Table } from 'mdast'
import type { LetterMessage } from '../types.js'
import type { Theme } from '../theme/index.js'
import type { Measure } from '../fonts/measure.js'
import type { ImageSource } from './image-source.js'
import { normaliseLabel } from '../util/label.js'

/** A handler turns one mdast node into react-pdf elements; it recurses only through `state.one`/`state.all`. */
export type Handler<N extends Nodes = Nodes> = (state: State, node: N, parent: Parents | undefined) => ReactNode

/** Everything a handler may read or call while the tree is mapped. */
export interface State {
  theme: Theme
  /** The letter's folder: images are resolved relative to it, and read only inside it or `allowPaths`. */
  baseDir: string
  allowPaths: string[]
  /** Images checked so far, by URL: the layouts of one render (--fit tries several) read and check each once. */
  images: Map<string, ImageSource>
  /** Link and image definitions by normalised label. */
  definitions: Map<string, Definition>
  /** Footnote definitions by normalised label, and the order in which references first cite them. */
  footnotes: { definitions: Map<string, FootnoteDefinition>; order: string[] }
  /** Width in points of the column being filled: the page's text width less list and quote indents. */
  width: number
  /** Height in points of a page's text area: what a block kept whole on one page must fit in. */
  height: number
  /** Width of text set in the body face, for breaking tokens too long for the column. */
  measure: Measure
  /** Size the text being mapped is measured at: the body size, larger inside headings. */
  fontSize: number
  /** How deep the current list and block-quote nesting is, for markers and indents. */
  depth: { list: number; quote: number }
  /** The table being mapped: cells read their column's alignment from it. */
  table: Table | undefined
  /** Keep soft line breaks as line breaks (the closing block) instead of spaces. */
  keepLineBreaks: boolean
  warnings: LetterMessage[]
  /** Record a warning at the node's place. */
  warn(message: string, node?: Nodes): void
  /** Map one node through its handler. */
  one(node: Nodes, parent?: Parents): ReactNode
  /** Map all children of a parent, keyed in order. */
  all(parent: Parents): ReactNode[]
}

export { normaliseLabel }

/** Create the mapper state for one letter; `handlers` is the table of node types. */
export function createState(
  tree: Root,
  options: {
    theme: Theme
    baseDir: string
    allowPaths?: string[]
    images?: Map<string, ImageSource>
    width: number
    height?: number
    measure: Measure
    handlers: Record<string, Handler<never>>
    unknown: Handler
  },
): State {
  const definitions = new Map<string, Definition>()
  const footnoteDefinitions = new Map<string, FootnoteDefinition>()
  const collect = (node: Nodes) => {
    if (node.type === 'definition') {
      const id = normaliseLabel(node.identifier)
      if (!definitions.has(id)) definitions.set(id, node)
    } else if (node.type === 'footnoteDefinition') {
      const id = normaliseLabel(node.identifier)
      if (!footnoteDefinitions.has(id)) footnoteDefinitions.set(id, node)
    }
    if ('children' in node) for (const child of node.children) collect(child)
  }
  collect(tree)

  const state: State = {
    theme: options.theme,
    baseDir: options.baseDir,
    allowPaths: options.allowPaths ?? [],
    images: options.images ?? new Map(),
    definitions,
    footnotes: { definitions: footnoteDefinitions, order: [] },
    width: options.width,
    height: options.height ?? Infinity,
    measure: options.measure,
    fontSize: options.theme.size.body,
    depth: { list: 0, quote: 0 },
    table: undefined,
    keepLineBreaks: false,
    warnings: [],
    warn(message, node) {
      const start = node?.position?.start
      state.warnings.push({ message, line: start?.line ?? null, column: start?.column ?? null, source: 'letterpress:map' })
    },
    one(node, parent) {
      // Own keys only: a type named like an Object.prototype member ("toString", "constructor") is unknown too.
      const handler = (Object.hasOwn(options.handlers, node.type) ? options.handlers[node.type]! : options.unknown) as Handler
      return handler(state, node, parent)
    },
    all(parent) {
      return parent.children.map((child, index) => {
        const element = state.one(child, parent)
        return isValidElement(element) && element.key === null ? cloneElement(element, { key: index }) : element
      })
    },
  }
  return state
}
