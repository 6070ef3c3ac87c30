import { Link as PdfLink, Text } from '@react-pdf/renderer'
import type { Link, LinkReference, Parents } from 'mdast'
import type { ReactNode } from 'react'
import type { Handler, State } from '../state.js'
import { linkTarget } from '../../util/url.js'

/** Render link text as a clickable link when the scheme is safe, else as plain text (with a warning). */
export function renderLink(state: State, node: Link | LinkReference, url: string | undefined, children: ReactNode[]): ReactNode {
  const target = url === undefined ? undefined : linkTarget(url)
  if (url !== undefined && !target) state.warn(`link to "${url}" not made clickable: only http, https, mailto and tel links are`, node)
  if (!target) return <Text>{children}</Text>
  return (
    <PdfLink src={target} style={{ color: state.theme.colors.link, textDecoration: 'none' }}>
      {children}
    </PdfLink>
  )
}

/** Link: clickable for http, https, mailto and tel; other schemes are plain text. */
export const link: Handler<Link> = (state, node) => renderLink(state, node, node.url, state.all(node as Parents))
