import { Text } from '@react-pdf/renderer'
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'

/**
 * react-pdf's line breaker (textkit) treats every boundary between two runs with no space between them —
 * "**Scale**:", "(*word*)", a link followed by "," — as a hyphenation point, and when it breaks there it
 * inserts a "-" into the text: "infrastructure-" / ":" reads back as a different word. A hyphenation penalty
 * of textkit's infinity (10000) makes such points unusable, so lines break at spaces only.
 */
export const NO_HYPHEN_BREAKS = 10_000

/** Give every <Text> in a tree these props unless it sets them itself; function components are expanded. */
export function withTextDefaults(node: ReactNode, defaults: Record<string, unknown>): ReactNode {
  if (Array.isArray(node)) return node.map((child) => withTextDefaults(child, defaults))
  if (!isValidElement(node)) return node
  const element = node as ReactElement<Record<string, unknown> & { children?: ReactNode }>
  // Letter components are plain functions of their props (no hooks), so they can be expanded here.
  if (typeof element.type === 'function') {
    return withTextDefaults((element.type as (props: unknown) => ReactNode)(element.props), defaults)
  }
  const props: Record<string, unknown> = {}
  if ((element.type as unknown) === Text)
    for (const [key, value] of Object.entries(defaults)) if (element.props[key] === undefined) props[key] = value
  const children = element.props.children
  if (children === undefined) return Object.keys(props).length ? cloneElement(element, props) : element
  const mapped = Children.map(children, (child) => withTextDefaults(child, defaults))
  return cloneElement(element, props, ...(mapped ?? []))
}
