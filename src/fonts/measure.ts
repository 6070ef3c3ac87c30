import { Font } from '@react-pdf/renderer'

type Glyph = { advanceWidth: number }
type Face = { unitsPerEm: number; glyphsForString(text: string): Glyph[] }

/** A function giving the width in points of text set in a family's regular face at a size. */
export type Measure = (text: string, size: number) => number

/** Measure text in a family's regular face (loaded by registerFonts); unknown faces measure as 0.6 em a character. */
export function measureWith(family: string): Measure {
  const face = loadedFace<Face>(family, 400)
  if (!face?.glyphsForString) return (text, size) => [...text].length * size * 0.6
  const { unitsPerEm } = face
  return (text, size) => (face!.glyphsForString(text).reduce((w, g) => w + g.advanceWidth, 0) * size) / unitsPerEm
}

type Shaper = { unitsPerEm: number; layout(text: string): { advanceWidth: number } }

/** Measure text as the renderer sets it (shaped, kerned) in one face of a family; unknown faces measure as 0.6 em a character. */
export function setWidthWith(family: string, fontWeight = 400): Measure {
  const face = loadedFace<Shaper>(family, fontWeight)
  if (!face?.layout) return (text, size) => [...text].length * size * 0.6
  const { unitsPerEm } = face
  return (text, size) => (face!.layout(text).advanceWidth * size) / unitsPerEm
}

/** The fontkit face react-pdf has loaded for a family's upright face of a weight, if any. */
function loadedFace<T>(family: string, fontWeight: number): T | undefined {
  try {
    const source = Font.getFont({ fontFamily: family, fontWeight, fontStyle: 'normal' } as never) as unknown as { data?: T } | null
    return source?.data ?? undefined
  } catch {
    return undefined
  }
}
