// A mark with no anchor on its base is left where the base put it, instead of crashing fontkit's GPOS processor.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { bundledFontsDir } from '../../src/fonts/index.js'
import { installFontkitMarkAnchors } from '../../src/patches/fontkit-mark-anchors.js'
import { readPdf } from '../helpers/pdf.js'
import { cannot } from './cannot.js'

type Processor = { applyAnchor(markRecord: { markAnchor: unknown }, baseAnchor: unknown, baseGlyphIndex: number): void }
const open = (file: string) =>
  fontkit.create(readFileSync(join(bundledFontsDir, file))) as unknown as { _layoutEngine: { engine: { GPOSProcessor: Processor } } }

describe('fontkit mark positioning', () => {
  test('a mark with no anchor on its base (Noto Serif Italic, Α + U+0314) no longer fails the letter', async () => {
    const { pdf } = await renderLetter('Dear Sam,\n\n*ŵΑ\u0314* and *Ἀθῆναι* in italics.\n', {
      sourceDateEpoch: 1_790_000_000,
      fontDirs: [],
    })
    const text = (await readPdf(pdf)).text.join('\n')
    expect(text).toContain('in italics.')
    expect(text.normalize('NFC')).toContain('Ἀθῆναι')
  })

  test('the processor skips a missing anchor instead of reading it', () => {
    const font = open('noto-serif/NotoSerif-Italic.ttf')
    installFontkitMarkAnchors(font)
    const processor = font._layoutEngine.engine.GPOSProcessor
    expect(() => processor.applyAnchor({ markAnchor: { xCoordinate: 0, yCoordinate: 0 } }, null, 0)).not.toThrow()
    expect(() => processor.applyAnchor({ markAnchor: null }, { xCoordinate: 0, yCoordinate: 0 }, 0)).not.toThrow()
  })

  test('a font with no GPOS processor, or a processor of another shape, is refused by name and version', () => {
    expect(() => installFontkitMarkAnchors({})).toThrow(
      cannot('fontkit', 'a font with a GPOS table has no font._layoutEngine.engine.GPOSProcessor'),
    )
    const engine = (processor: object) => ({ _layoutEngine: { engine: { GPOSProcessor: processor } } })
    expect(() => installFontkitMarkAnchors(engine({}))).toThrow(cannot('fontkit', 'GPOSProcessor.prototype.applyAnchor is missing'))
    class Moved {
      applyAnchor(_mark: unknown, _base: unknown) {}
    }
    expect(() => installFontkitMarkAnchors(engine(new Moved()))).toThrow(
      cannot('fontkit', 'GPOSProcessor.prototype.applyAnchor declares 2 parameters, not 3'),
    )
  })
})
