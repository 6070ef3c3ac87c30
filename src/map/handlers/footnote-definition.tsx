import type { Handler } from '../state.js'

/** Footnote definition: not drawn in place; the layout sets the cited ones as endnotes (see layout/notes.tsx). */
export const footnoteDefinition: Handler = () => null
