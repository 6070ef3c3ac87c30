// The modules left out of the bundle: each becomes a stub that throws a clear error, the swap applies only to
// its own importer, and a build fails loudly when an importer no longer imports its module.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { stubSource, unusedModules, UNUSED_MODULES } from '../../src/patches/unused-modules.mjs'

const WORKER_DIR = join(import.meta.dirname, '../../dist/worker')
const asModule = (source) => import(`data:text/javascript,${encodeURIComponent(source)}`)

describe('modules left out of the bundle', () => {
  test('each stub exports the names its importer uses, and calling one names the module and why it is left out', async () => {
    for (const entry of UNUSED_MODULES) {
      const stub = await asModule(stubSource(entry))
      expect(Object.keys(stub).sort()).toEqual([...entry.names].sort())
      for (const name of entry.names)
        expect(() => stub[name]()).toThrow(`letterpress: ${entry.source} is left out of the bundle (${entry.why})`)
    }
  })

  test('the swap applies to the listed importer only', () => {
    const plugin = unusedModules()
    expect(plugin.resolveId('brotli/decompress.js', '/p/node_modules/fontkit/dist/module.mjs')).toBe(
      '\0letterpress-unused:brotli/decompress.js',
    )
    expect(plugin.resolveId('brotli/decompress.js', '/p/src/mine.js')).toBeNull()
    expect(plugin.resolveId('fontkit', '/p/node_modules/pdfkit/js/pdfkit.node.mjs')).toBeNull()
    expect(plugin.load('\0letterpress-unused:@noble/ciphers/aes')).toContain('export const cbc')
    expect(plugin.load('/p/node_modules/fontkit/dist/module.mjs')).toBeNull()
  })

  test('a required build fails, naming the importers, when they no longer import their modules', () => {
    const plugin = unusedModules({ required: true })
    plugin.resolveId('brotli/decompress.js', '/p/node_modules/fontkit/dist/module.mjs')
    const context = {
      error: (text) => {
        throw new Error(text)
      },
    }
    expect(() => plugin.buildEnd.call(context)).toThrow(
      /@react-pdf\/textkit no longer imports @react-pdf\/hyphenate\/en-us; pdfkit no longer imports @noble\/ciphers\/aes/,
    )
    expect(() => plugin.buildEnd.call(context)).not.toThrow(/fontkit no longer/)
    // Not required (the command line's own bundle, which loads none of these libraries): nothing to check.
    expect(() => unusedModules().buildEnd.call(context)).not.toThrow()
  })

  test("the render worker's bundle holds the stubs, not brotli's dictionary (npm test builds it first)", () => {
    // Every chunk of the worker's build: which one holds a module is rollup's choice.
    const code = readdirSync(WORKER_DIR)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(WORKER_DIR, name), 'utf8'))
      .join('\n')
    for (const entry of UNUSED_MODULES) expect(code).toContain(`letterpress: ${entry.source} is left out of the bundle`)
    expect(code).not.toContain('W5/fcQLn5gKf2XUbAiQ1XULX')
  })
})
