import { Text } from '@react-pdf/renderer'
import type { Strong } from 'mdast'
import type { Handler } from '../state.js'

/** Strong: bold. */
export const strong: Handler<Strong> = (state, node) => <Text style={{ fontWeight: 700 }}>{state.all(node)}</Text>
