import type { Text } from 'mdast'
import type { Handler } from '../state.js'
import { wrapLongTokens } from '../wrap.js'

/** Text: soft line breaks read as spaces (except where the layout keeps them); over-long tokens wrap. */
export const text: Handler<Text> = (state, node) => {
  const value = state.keepLineBreaks ? node.value : node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ')
  return wrapLongTokens(value, state.width, state.fontSize, state.measure)
}
