import { resolve } from 'node:path'
import { Font } from '@react-pdf/renderer'
import { message } from '../parse/message.js'
import { readFileSafely } from '../util/read-file.js'
import { shownPath } from '../util/paths.js'
import * as fontkit from 'fontkit'
import { installPatches } from '../patches/index.js'
import { exchangeSources, shareParsedFonts } from '../patches/react-pdf-font-source.js'
import { dropStandardHelvetica } from '../patches/react-pdf-last-resort-font.js'
import type { LetterMessage } from '../types.js'
import { bundledFontsDir } from './bundled-dir.js'
import { FONT_READ, fontFiles } from './font-files.js'

export { bundledFontsDir }

type Face = { file: string; weight: 400 | 700; style: 'normal' | 'italic' }

/** Bundled families; a family with fewer than four faces stands in its nearest face for the missing ones. */
const BUNDLED = new Map<string, Face[]>(Object.entries({
  'Noto Serif': [
    { file: 'noto-serif/NotoSerif-Regular.ttf', weight: 400, style: 'normal' },
    { file: 'noto-serif/NotoSerif-Bold.ttf', weight: 700, style: 'normal' },
    { file: 'noto-serif/NotoSerif-Italic.ttf', weight: 400, style: 'italic' },
    { file: 'noto-serif/NotoSerif-BoldItalic.ttf', weight: 700, style: 'italic' },
  ],
  'Noto Sans': [
    { file: 'noto-sans/NotoSans-Regular.ttf', weight: 400, style: 'normal' },
    { file: 'noto-sans/NotoSans-Bold.ttf', weight: 700, style: 'normal' },
    { file: 'noto-sans/NotoSans-Italic.ttf', weight: 400, style: 'italic' },
    { file: 'noto-sans/NotoSans-BoldItalic.ttf', weight: 700, style: 'italic' },
  ],
  'Noto Sans Mono': [
    { file: 'noto-sans-mono/NotoSansMono-Regular.ttf', weight: 400, style: 'normal' },
    { file: 'noto-sans-mono/NotoSansMono-Bold.ttf', weight: 700, style: 'normal' },
  ],
  'Noto Sans Math': [{ file: 'noto-sans-math/NotoSansMath-Regular.ttf', weight: 400, style: 'normal' }],
  'Noto Sans Symbols 2': [{ file: 'noto-sans-symbols-2/NotoSansSymbols2-Regular.ttf', weight: 400, style: 'normal' }],
} satisfies Record<string, Face[]>))

/** Families whose every face has a Latin subset beside it (<face>-Latin.ttf, built by fonts/subset.sh). */
const SUBSET = new Set(['Noto Serif', 'Noto Sans', 'Noto Sans Mono'])

/** A face's Latin subset. */
const latinFace = (face: Face): Face => ({ ...face, file: face.file.replace(/\.ttf$/, '-Latin.ttf') })

/** The store's name for the full faces of a family registered with its Latin subsets (no font's family name has a NUL). */
const fullFaces = (family: string) => `${family}\u0000full`

/** The family that replaces react-pdf's last-resort Helvetica, so no standard (non-embedded) font is ever used. */
const LAST_RESORT = 'Noto Sans'

/** The family react-pdf falls back to last for every text ("Helvetica", here an embedded Noto Sans face). */
export const LAST_RESORT_FAMILY = 'Helvetica'

const registered = new Set<string>()
const userFamilies = new Map<string, Face[]>()
/** Each scanned fonts/ folder with the warnings about its damaged files, repeated for every letter that uses it. */
const scannedDirs = new Map<string, LetterMessage[]>()

/** Register every weight/style combination of a family, filling gaps with the nearest face. */
function registerFamily(family: string, faces: Face[], baseDir: string, as = family): void {
  const pick = (weight: number, style: string) =>
    faces.find((f) => f.weight === weight && f.style === style) ??
    faces.find((f) => f.style === style) ??
    faces.find((f) => f.weight === weight) ??
    faces[0]!
  const combos = [400, 700].flatMap((weight) => (['normal', 'italic'] as const).map((style) => ({ weight, style })))
  Font.register({
    family: as,
    fonts: combos.map(({ weight, style }) => ({ src: resolve(baseDir, pick(weight, style).file), fontWeight: weight, fontStyle: style })),
  })
  shareParsedFonts(Font, as)
}

/** Registered families that stand for Latin subsets and full faces. */
const subsetted: string[] = []
/** Whether those families draw with their Latin subsets now (else with their full faces). */
let drawingLatin = true

/**
 * Register a bundled family, as `as`. A family with Latin subsets draws with them, and its full faces wait under
 * another name in the store (registered, not parsed) for a letter that needs them: see useLatinFaces.
 */
function registerBundled(family: string, faces: Face[], as = family): void {
  if (!SUBSET.has(family)) return registerFamily(family, faces, bundledFontsDir, as)
  registerFamily(family, faces.map(latinFace), bundledFontsDir, as)
  registerFamily(family, faces, bundledFontsDir, fullFaces(as))
  subsetted.push(as)
  if (!drawingLatin) exchangeSources(Font, as, fullFaces(as))
}

/**
 * Look through a fonts/ folder for the user's own TTF/OTF files, keyed by the family name inside each file;
 * a file that cannot be used is left out, with a warning naming it (returned for every letter).
 */
export function scanFonts(dir: string, cwd: string): LetterMessage[] {
  const abs = resolve(dir)
  const known = scannedDirs.get(abs)
  if (known) return known
  const warnings: LetterMessage[] = []
  scannedDirs.set(abs, warnings)
  for (const file of fontFiles(abs)) {
    const problem = addFontFile(file)
    if (problem) warnings.push(message(`font file "${shownPath(file, cwd)}" ${problem}; it is not used`, 'letterpress:fonts'))
  }
  return warnings
}

/** Offer one font file under its family name; what is wrong with it, if it cannot be used. */
function addFontFile(file: string): string | undefined {
  let font: fontkit.Font
  try {
    const read = readFileSafely(file, FONT_READ)
    if ('problem' in read) return read.problem.replace(/^font file /, '')
    const bytes = read.data
    // WOFF2 needs a Brotli decoder, which the command line's bundle leaves out: say so rather than fail inside fontkit.
    if (bytes.subarray(0, 4).toString('latin1') === 'wOF2') return 'is a WOFF2 web font; use its TTF or OTF file'
    font = fontkit.create(bytes) as fontkit.Font
    const damage = damagedTable(font, bytes.length)
    if (damage) return damage
    // Mapping, measuring and drawing a few glyphs touches the tables every line needs: damage throws here, not mid-render.
    const probe = font as unknown as { glyphsForString(text: string): { path: { commands: unknown[] }; advanceWidth: number }[] }
    for (const glyph of probe.glyphsForString('Hamburgefonstiv 0123')) void [glyph.path.commands.length, glyph.advanceWidth]
  } catch (error) {
    return `cannot be read as a font (${(error as Error).message})`
  }
  const family = font.familyName
  if (!family) return 'has no family name'
  if (BUNDLED.has(family)) return undefined
  // react-pdf keeps families in a plain object: a family named like one of its built-in keys cannot be registered.
  if (family in {}) return `has a family name ("${family}") that cannot be used`
  const os2 = (font as unknown as { 'OS/2'?: { usWeightClass?: number } })['OS/2']
  const weight = (os2?.usWeightClass ?? 400) >= 600 ? 700 : 400
  const style = font.italicAngle !== 0 || /italic|oblique/i.test(font.subfamilyName) ? 'italic' : 'normal'
  const faces = userFamilies.get(family) ?? []
  faces.push({ file, weight, style })
  userFamilies.set(family, faces)
  return undefined
}

/** A table of the font's directory that lies past the end of the file (a truncated download or copy). */
function damagedTable(font: fontkit.Font, size: number): string | undefined {
  const tables = (font as unknown as { directory?: { tables?: Record<string, { offset: number; length: number }> } }).directory?.tables ?? {}
  for (const [tag, { offset, length }] of Object.entries(tables)) {
    if (offset + length > size) return `is damaged: its "${tag.trim()}" table runs past the end of the file (${size} bytes)`
  }
  return undefined
}

/** Whether a family can be used: bundled, or found in a scanned fonts/ folder. */
export function hasFamily(family: string): boolean {
  return BUNDLED.has(family) || userFamilies.has(family)
}

/** All families that can be named in front matter or a theme. */
export function availableFamilies(): string[] {
  return [...BUNDLED.keys(), ...userFamilies.keys()]
}

let initialised = false

/** Load the last resort's faces: react-pdf loads only the families that styles name, but reads this one's glyphs when others lack them. */
async function loadLastResort(): Promise<void> {
  await Promise.all(
    [400, 700].flatMap((fontWeight) => ['normal', 'italic'].map((fontStyle) => Font.load({ fontFamily: LAST_RESORT_FAMILY, fontWeight, fontStyle } as never))),
  )
}

/** Make families usable by react-pdf (each once per process), with fontkit and pdfkit patched before react-pdf reads a font. */
export async function registerFonts(families: string[]): Promise<void> {
  installPatches()
  if (!initialised) {
    initialised = true
    // The last resort of every font stack becomes an embedded face. It only ever draws glyphs no other font
    // has, so one face serves.
    dropStandardHelvetica(Font)
    registerBundled(LAST_RESORT, [BUNDLED.get(LAST_RESORT)![0]!], LAST_RESORT_FAMILY)
    await loadLastResort()
  }
  for (const family of families) {
    if (registered.has(family)) continue
    const bundled = BUNDLED.get(family)
    const user = userFamilies.get(family)
    if (bundled) registerBundled(family, bundled)
    else if (user) registerFamily(family, user, '/')
    else continue
    registered.add(family)
  }
}

/** Make the bundled text families draw with their Latin subsets (true) or their full faces (false), until called again. */
export async function useLatinFaces(subsets: boolean): Promise<void> {
  if (subsets === drawingLatin) return
  for (const family of subsetted) exchangeSources(Font, family, fullFaces(family))
  drawingLatin = subsets
  if (initialised) await loadLastResort()
}
