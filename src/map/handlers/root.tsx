import { View } from '@react-pdf/renderer'
import type { Root } from 'mdast'
import type { Handler } from '../state.js'

/** Root: its blocks in order (the letter layout usually maps the root's children itself). */
export const root: Handler<Root> = (state, node) => <View>{state.all(node)}</View>
