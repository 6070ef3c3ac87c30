import { Text } from '@react-pdf/renderer'
import type { Delete } from 'mdast'
import type { Handler } from '../state.js'

/** Delete (GFM strikethrough): struck through. */
export const del: Handler<Delete> = (state, node) => <Text style={{ textDecoration: 'line-through' }}>{state.all(node)}</Text>
