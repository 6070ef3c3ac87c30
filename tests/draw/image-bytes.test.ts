// An image is embedded from the bytes that were checked, never re-read by path: a file changed on disk is
// drawn anew by the next render in the same process (watch, preview), and a swapped file cannot slip in.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'

const solid = (rgb: [number, number, number]) => {
  const png = new PNG({ width: 8, height: 8 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i)
  return PNG.sync.write(png)
}

test('an image changed on disk between two renders in one process is drawn from its new bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'letterpress-image-'))
  const md = '---\nsignature: sig.png\n---\n\nDear Sam,\n\n![dot](dot.png)\n\nBest regards,\nKim Lee\n'
  const options = { path: join(dir, 'a.md'), sourceDateEpoch: 1_700_000_000 }
  const render = async (rgb: [number, number, number]) => {
    writeFileSync(join(dir, 'dot.png'), solid(rgb))
    writeFileSync(join(dir, 'sig.png'), solid(rgb))
    return Buffer.from((await renderLetter(md, options)).pdf)
  }
  const red = await render([255, 0, 0])
  const blue = await render([0, 0, 255])
  expect(blue.equals(red)).toBe(false)
  // The same bytes on disk give the same PDF again: only the image changed.
  expect((await render([255, 0, 0])).equals(red)).toBe(true)
})
