import type { Handler } from '../state.js'

/** Front matter: already read into the letter's metadata; not drawn. */
export const yaml: Handler = () => null
