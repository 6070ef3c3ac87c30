import type { ImageReference } from 'mdast'
import { normaliseLabel, type Handler } from '../state.js'
import { renderImage } from './image.js'

/** Image reference: an image through its definition. */
export const imageReference: Handler<ImageReference> = (state, node) =>
  renderImage(state, node, state.definitions.get(normaliseLabel(node.identifier))?.url)
