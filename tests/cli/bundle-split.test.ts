// The command line's main thread reads, writes and reports; the render stack (react-pdf, fontkit, yoga) is loaded
// by the render workers only, so a cold run does not compile it twice (Node 20 keeps no compile cache for it there).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

const BUNDLE = join(import.meta.dirname, '../../dist/bundle')

describe("the command line's bundle", () => {
  test('holds none of the render stack: no fontkit, no yoga (npm test builds it first)', () => {
    for (const name of readdirSync(BUNDLE).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(BUNDLE, name), 'utf8')
      expect(code.includes('unitsPerEm'), `${name} holds fontkit`).toBe(false)
      expect(/\byoga\b/i.test(code), `${name} holds yoga`).toBe(false)
    }
  })
})
