import { extname } from 'node:path'

/** Whether a --theme / theme: value names a theme file rather than a built-in theme. */
export const isThemePath = (name: string) => /[\\/]/.test(name) || ['.yaml', '.yml', '.json'].includes(extname(name).toLowerCase())
