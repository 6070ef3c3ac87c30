import type { Handler } from '../state.js'

/** Definition: not drawn; link and image references read it through the state. */
export const definition: Handler = () => null
