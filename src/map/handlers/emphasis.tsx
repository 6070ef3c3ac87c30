import { Text } from '@react-pdf/renderer'
import type { Emphasis } from 'mdast'
import type { Handler } from '../state.js'

/** Emphasis: italic. */
export const emphasis: Handler<Emphasis> = (state, node) => <Text style={{ fontStyle: 'italic' }}>{state.all(node)}</Text>
