import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { readPdf } from '../helpers/pdf.js'

describe('fontkit mark positioning', () => {
  test('a mark with no anchor on its base (Noto Serif Italic, Α + U+0314) no longer fails the letter', async () => {
    const { pdf } = await renderLetter('Dear Sam,\n\n*ŵΑ\u0314* and *Ἀθῆναι* in italics.\n', { sourceDateEpoch: 1_790_000_000, fontDirs: [] })
    const text = (await readPdf(pdf)).text.join('\n')
    expect(text).toContain('in italics.')
    expect(text.normalize('NFC')).toContain('Ἀθῆναι')
  })
})
