import type { Handler } from '../state.js'

/** Hard line break: a new line within the paragraph. */
export const hardBreak: Handler = () => '\n'
