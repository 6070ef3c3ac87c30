import { isValidElement, type ReactNode } from 'react'

/** react-pdf's internal node: what its layout step reads (the reconciler's output, built here directly). */
export interface Instance {
  type: string
  box?: Record<string, number>
  style?: unknown
  props?: Record<string, unknown>
  children?: Instance[]
  value?: string
}

const FRAGMENT = Symbol.for('react.fragment')
/** Nodes whose string children are kept (elsewhere react-pdf drops them, as here). */
const TEXT_PARENTS = new Set(['TEXT', 'LINK', 'TSPAN', 'NOTE'])

/**
 * Turn a react-pdf element tree into the nodes react-pdf's layout reads, as its reconciler does. The
 * letter's components are plain functions of their props, so no React renderer is needed; render props
 * (the page header's "Page N of M") are wrapped to return nodes too, as react-pdf wraps them.
 */
export function toInstances(node: ReactNode, parentType = ''): Instance[] {
  if (node === null || node === undefined || typeof node === 'boolean') return []
  if (Array.isArray(node)) return node.flatMap((child) => toInstances(child, parentType))
  if (typeof node === 'string' || typeof node === 'number')
    return TEXT_PARENTS.has(parentType) ? [{ type: 'TEXT_INSTANCE', value: String(node) }] : []
  if (!isValidElement(node)) return []
  const element = node as { type: unknown; props: Record<string, unknown> & { children?: ReactNode; style?: unknown } }
  if (element.type === FRAGMENT) return toInstances(element.props.children, parentType)
  if (typeof element.type === 'function') return toInstances((element.type as (p: unknown) => ReactNode)(element.props), parentType)
  const type = element.type as string
  const { children, style, ...props } = element.props
  if (typeof props.render === 'function') {
    const render = props.render as (args: unknown) => ReactNode
    props.render = (args: unknown) => toInstances(render(args), type)
  }
  return [{ type, box: {}, style: style ?? {}, props, children: toInstances(children, type) }]
}
