// installPatches installs every process-wide patch, once.
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { installPatches } from '../../src/patches/index.js'

const METHODS = ['initFonts', '_addInfo', 'initMetadata', 'initSubset', 'font'] as const
type Proto = Record<(typeof METHODS)[number], unknown>
type Face = { getGlyph: unknown; layout: unknown; _layoutEngine: { engine: { GPOSProcessor: { applyAnchor: unknown } } } }

describe('installPatches', () => {
  test('patches pdfkit and fontkit once; a second call changes nothing', () => {
    const proto = PDFDocument.prototype as unknown as Proto
    const face = fontkit.create(readFileSync(join(bundledFontsDir, 'noto-serif/NotoSerif-Regular.ttf'))) as unknown as Face
    const before = [...METHODS.map((name) => proto[name]), face.getGlyph, face.layout, face._layoutEngine.engine.GPOSProcessor.applyAnchor]
    installPatches()
    const after = [...METHODS.map((name) => proto[name]), face.getGlyph, face.layout, face._layoutEngine.engine.GPOSProcessor.applyAnchor]
    after.forEach((method, i) => expect(method, String(i)).not.toBe(before[i]))
    installPatches()
    expect([
      ...METHODS.map((name) => proto[name]),
      face.getGlyph,
      face.layout,
      face._layoutEngine.engine.GPOSProcessor.applyAnchor,
    ]).toEqual(after)
  })
})
