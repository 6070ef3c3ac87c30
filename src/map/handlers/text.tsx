import type { Text } from 'mdast'
import type { Handler } from '../state.js'

/** Text: soft line breaks read as spaces, except where the layout keeps them (the closing block). */
export const text: Handler<Text> = (state, node) =>
  state.keepLineBreaks ? node.value : node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ')
