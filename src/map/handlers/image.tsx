import { Image as PdfImage, Text } from '@react-pdf/renderer'
import type { Image, ImageReference } from 'mdast'
import type { ReactNode } from 'react'
import { resolveImage, type ImageSource } from '../image-source.js'
import type { Handler, State } from '../state.js'
import { bodyText } from '../styles.js'
import { role } from '../../structure/role.js'

/** An image checked once per render, however many layouts are tried. */
function checkedImage(state: State, url: string): ImageSource {
  let source = state.images.get(url)
  if (!source) state.images.set(url, (source = resolveImage(url, state.baseDir, state.allowPaths)))
  return source
}

/** Render a local image scaled into the text column, or its alt text in brackets with a warning. */
export function renderImage(state: State, node: Image | ImageReference, url: string | undefined): ReactNode {
  const source = url === undefined ? { problem: `no definition for image reference "${node.alt ?? ''}"` } : checkedImage(state, url)
  if ('problem' in source) {
    state.warn(`${source.problem}; rendered without it`, node)
    return node.alt ? <Text style={[bodyText(state.theme), { color: state.theme.colors.muted }]}>[{node.alt}]</Text> : null
  }
  // Pixels at the theme's resolution, shrunk (never stretched) to fit the column and the height limit.
  const { dpi, maxHeight } = state.theme.image
  const scale = Math.min(72 / dpi, maxHeight / source.height)
  return (
    <PdfImage
      {...role('Figure', node.alt ?? '')}
      // The bytes that were checked, not the path: a file swapped since cannot slip in, and a changed one is drawn anew.
      src={source.data}
      style={{ width: source.width * scale, maxWidth: '100%', objectFit: 'contain' }}
    />
  )
}

/** Image: a local PNG or JPEG, relative to the letter. */
export const image: Handler<Image> = (state, node) => renderImage(state, node, node.url)
