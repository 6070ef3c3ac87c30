import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, test } from 'vitest'
import type { CodeCache } from '../../src/cli/code-cache.js'
import { runScriptModules } from '../../src/cli/script-modules.js'

// Scripts as the worker build writes them: System.register modules wrapped in a function of `System`.
const wrap = (code: string) => `(function (System) {${code}\n})`
const SCRIPTS = {
  // Imports a counter whose binding changes after import, a module that imports it back, and Node's path module.
  'entry.js': wrap(`System.register(['./counter.js', './cycle.js', 'node:path'], (function (exports, module) {
var count, bump, fromCycle, basename;
return {
  setters: [function (m) { count = m.count; bump = m.bump; }, function (m) { fromCycle = m.fromCycle; }, function (m) { basename = m.basename; }],
  execute: (async function () {
    const before = count;
    bump();
    const lazy = await module.import('./lazy.js');
    globalThis.__scriptModulesResult = { before, after: count, fromCycle: fromCycle(), base: basename(module.meta.url), lazy: lazy.value, saves: typeof module.meta.saveCodeCache };
    module.meta.saveCodeCache();
  })
};
}));`),
  'counter.js': wrap(`System.register(['./cycle.js'], (function (exports) {
var count = exports('count', 1);
function bump() { exports('count', count += 1); }
exports('bump', bump);
return { setters: [null], execute: (function () {}) };
}));`),
  'cycle.js': wrap(`System.register(['./entry.js', './counter.js'], (function (exports) {
var count;
function fromCycle() { return 'cycle sees ' + count; }
exports('fromCycle', fromCycle);
return { setters: [null, function (m) { count = m.count; }], execute: (function () {}) };
}));`),
  'lazy.js': wrap(`System.register([], (function (exports) {
return { execute: (async function () { await null; exports('value', 'loaded on demand'); }) };
}));`),
}

/** A code cache in memory that records what was asked of it. */
function memoryCache(): CodeCache & { entries: Map<string, Buffer> } {
  const entries = new Map<string, Buffer>()
  return {
    entries,
    read: (name, hash) => entries.get(`${name}:${hash}`),
    write: (name, hash, produce) => (entries.set(`${name}:${hash}`, produce()), true),
  }
}

async function run(dir: string, cache: CodeCache) {
  const hashes = Object.fromEntries(Object.keys(SCRIPTS).map((name) => [name, `hash-of-${name}`]))
  await runScriptModules(pathToFileURL(join(dir, 'entry.js')), {
    hashes,
    cache,
    importExternal: (specifier) => import(specifier),
    resolve: (specifier) => specifier,
  })
  return (globalThis as { __scriptModulesResult?: unknown }).__scriptModulesResult
}

describe('runScriptModules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'letterpress-scripts-'))
  for (const [name, code] of Object.entries(SCRIPTS)) writeFileSync(join(dir, name), code)

  test('runs System.register scripts as ES modules: live bindings, cycles, import(), top-level await, import.meta', async () => {
    expect(await run(dir, memoryCache())).toEqual({
      before: 1,
      after: 2,
      fromCycle: 'cycle sees 2',
      base: 'entry.js',
      lazy: 'loaded on demand',
      saves: 'function',
    })
  })

  test('saveCodeCache keeps each loaded script once; the next run reads those entries back', async () => {
    const cache = memoryCache()
    await run(dir, cache)
    expect([...cache.entries.keys()].sort()).toEqual(
      Object.keys(SCRIPTS)
        .map((name) => `${name}:hash-of-${name}`)
        .sort(),
    )
    const asked: string[] = []
    const again = await run(dir, {
      read: (name, hash) => (asked.push(name), cache.read(name, hash)),
      write: () => expect.unreachable('every script came from the cache'),
    })
    expect(asked.sort()).toEqual(Object.keys(SCRIPTS).sort())
    expect(again).toMatchObject({ after: 2, lazy: 'loaded on demand' })
  })
})
