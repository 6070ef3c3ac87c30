import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The typefaces that ship with letterpress: fonts/bundled/, apart from the user's own fonts/ (also in this repository). */
export const bundledFontsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../fonts/bundled')
