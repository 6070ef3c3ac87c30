import { isValidElement, type ReactElement, type ReactNode } from 'react'

/** What these helpers know of an element's props: children, a style, anything else by name. */
export interface ElementProps {
  children?: ReactNode
  style?: unknown
  [prop: string]: unknown
}

/** A React element as the mapper builds it; react-pdf primitives have string types ('TEXT', 'VIEW', …). */
export type El = ReactElement<ElementProps>

/** A react-pdf primitive's element type, as a string. */
export type Primitive = 'TEXT' | 'VIEW' | 'LINK' | 'IMAGE' | 'SVG' | 'RECT' | 'PATH' | (string & {})

/** Is this node a React element? */
export const isElement = (node: unknown): node is El => isValidElement(node)

/** An element's children as a flat list (nested arrays opened; undefined dropped). */
export function childrenOf(node: ReactNode): ReactNode[] {
  const flatten = (n: ReactNode): ReactNode[] => (Array.isArray(n) ? (n as ReactNode[]).flatMap(flatten) : [n])
  return isElement(node) ? flatten(node.props.children).filter((child) => child !== undefined) : []
}

/** The concatenated string content of an element tree (strings and numbers, depth first). */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return ''
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return String(node)
  if (Array.isArray(node)) return node.map((child: ReactNode) => textOf(child)).join('')
  if (isElement(node)) return textOf(node.props.children)
  return ''
}

/** Every element of the given type in the tree, the node itself included, in document order. */
export function findAll(node: ReactNode, type: Primitive): El[] {
  const found: El[] = []
  const walk = (n: ReactNode) => {
    if (Array.isArray(n)) {
      for (const child of n as ReactNode[]) walk(child)
      return
    }
    if (!isElement(n)) return
    if (n.type === type) found.push(n)
    walk(n.props.children)
  }
  walk(node)
  return found
}

/** The first element of the given type in the tree (the node itself included), if any. */
export const find = (node: ReactNode, type: Primitive): El | undefined => findAll(node, type)[0]

/** Like `find`, but fails the test when there is none. */
export function get(node: ReactNode, type: Primitive): El {
  const el = find(node, type)
  if (!el) throw new Error(`no ${type} element in the tree`)
  return el
}

/** A react-pdf style flattened: arrays (nested, with null/false holes) merged left to right. */
export function flatStyle(style: unknown): Record<string, unknown> {
  if (Array.isArray(style)) return Object.assign({}, ...style.map((s: unknown) => flatStyle(s))) as Record<string, unknown>
  if (style && typeof style === 'object') return { ...(style as Record<string, unknown>) }
  return {}
}

/** The flattened style of an element ({} for anything that is not one). */
export const styleOf = (node: ReactNode): Record<string, unknown> => (isElement(node) ? flatStyle(node.props.style) : {})
