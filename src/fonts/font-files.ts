import { existsSync, readdirSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { isInside } from '../util/paths.js'
import { READ_LIMITS, type ReadRule } from '../util/read-file.js'
import { bundledFontsDir } from './bundled-dir.js'

/** The user's TTF/OTF files in a fonts/ folder and its subfolders; the bundled faces (in this repository's fonts/ too) are not among them. */
export function fontFiles(dir: string): string[] {
  const abs = resolve(dir)
  if (!existsSync(abs) || isInside(bundledFontsDir, abs)) return []
  const files: string[] = []
  for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !['.ttf', '.otf'].includes(extname(entry.name).toLowerCase())) continue
    const file = join(entry.parentPath, entry.name)
    // The repository's fonts/ holds the bundled folder too: those are registered by name, not scanned.
    if (!isInside(bundledFontsDir, file)) files.push(file)
  }
  return files
}

/** How a font file is read: by the rule for every file, within the font size limit. */
export const FONT_READ: ReadRule = { what: 'font file', limit: READ_LIMITS.font }
