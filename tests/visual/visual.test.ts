// Visual regression: page 1 of each fixture letter in each theme, compared with a committed baseline.
// After an intended layout change, regenerate the baselines with `npm run baselines` and look at them.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { themes } from '../../src/theme/index.js'
import { rasterise } from '../helpers/raster.js'

const fixtures = join(import.meta.dirname, '../fixtures')
const baselines = join(import.meta.dirname, 'baselines')
const update = process.env.UPDATE_BASELINES === '1'
/** Share of pixels that may differ (anti-aliasing noise), and the per-pixel colour tolerance. */
const MAX_DIFF = 0.002
const THRESHOLD = 0.1

const cases = readdirSync(fixtures).filter((name) => {
  const expect = join(fixtures, name, 'expect.json')
  return existsSync(expect) && !JSON.parse(readFileSync(expect, 'utf8')).error
})

describe.each(Object.keys(themes))('theme %s', (theme) => {
  test.each(cases)('%s: page 1 matches its baseline', async (name) => {
    const input = join(fixtures, name, 'input.md')
    const { pdf } = await renderLetter(readFileSync(input, 'utf8'), { path: input, theme, sourceDateEpoch: 1_790_000_000, fontDirs: [] })
    const page = rasterise(pdf)
    const file = join(baselines, `${name}.${theme}.png`)
    if (update || !existsSync(file)) {
      if (!update) throw new Error(`no baseline ${file}: run "npm run baselines", look at the pictures, and commit them`)
      mkdirSync(baselines, { recursive: true })
      writeFileSync(file, page.png)
      return
    }
    const baseline = PNG.sync.read(readFileSync(file))
    expect([page.width, page.height], 'page size in pixels').toEqual([baseline.width, baseline.height])
    const diff = new PNG({ width: page.width, height: page.height })
    const changed = pixelmatch(page.rgba, baseline.data, diff.data, page.width, page.height, { threshold: THRESHOLD })
    const share = changed / (page.width * page.height)
    if (share > MAX_DIFF) writeFileSync(file.replace(/\.png$/, '.diff.png'), PNG.sync.write(diff))
    expect(share, `${changed} pixels differ from ${file} (diff written beside it)`).toBeLessThanOrEqual(MAX_DIFF)
  })
})
