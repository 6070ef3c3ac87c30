// Every patch letterpress makes to a dependency lives in this folder, one file per patch, and checks when it is
// installed that its target is what it was written for. The process-wide ones are installed here; the others act
// on what their caller holds (a call to capture the console around, a PDF read to limit, one document's links, the
// font store's sources and its Helvetica, a worker's globals) and are functions their callers use.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import { bundledFontsDir } from '../fonts/bundled-dir.js'
import { installFontkitCodePoints } from './fontkit-code-points.js'
import { installFontkitMarkAnchors } from './fontkit-mark-anchors.js'
import { installShapingCache } from './fontkit-shaping-cache.js'
import { installPdfkitCompactXmp } from './pdfkit-compact-xmp.js'
import { installPdfkitDefaultFont } from './pdfkit-default-font.js'
import { installPdfkitFontCache } from './pdfkit-font-cache.js'
import { installPdfkitInfo } from './pdfkit-info.js'
import { expectTarget } from './target.js'

/** A face with a GPOS table, opened apart from react-pdf's fonts: fontkit's classes are reached through a font of them. */
const PROBE_FACE = 'noto-sans/NotoSans-Regular-Latin.ttf'

let installed = false

/** Install the patches of pdfkit and fontkit, once per process (later calls do nothing); throws if a target moved. */
export function installPatches(): void {
  if (installed) return
  const pdfkit = PDFDocument.prototype
  installPdfkitDefaultFont(pdfkit)
  installPdfkitInfo(pdfkit)
  installPdfkitCompactXmp(pdfkit)
  installPdfkitFontCache(pdfkit)
  const font = probeFont()
  installFontkitCodePoints(font)
  installFontkitMarkAnchors(font)
  installShapingCache(font)
  installed = true
}

/** A fontkit font of the bundled probe face. */
function probeFont(): object {
  const font = fontkit.create(readFileSync(join(bundledFontsDir, PROBE_FACE))) as object
  expectTarget('fontkit', !('fonts' in font), `fontkit.create opens ${PROBE_FACE} as a collection, not a font`)
  return font
}
