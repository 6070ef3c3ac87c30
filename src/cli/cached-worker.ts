// The render worker's entry in the bundle. The worker's code is built as scripts (dist/worker) that this runs
// with V8's code cache: a machine that has rendered a letter once does not compile the render stack again.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cacheDir } from './cache-dir.js'
import { codeCache } from './code-cache.js'
import { runScriptModules } from './script-modules.js'

const scripts = new URL('../worker/', import.meta.url)
await runScriptModules(new URL('render-worker.js', scripts), {
  hashes: JSON.parse(readFileSync(new URL('hashes.json', scripts), 'utf8')),
  cache: codeCache(join(cacheDir(process.cwd(), process.env), 'code')),
  // From here, so packages resolve as they do for the rest of the bundle.
  importExternal: (specifier) => import(specifier),
  resolve: (specifier) => import.meta.resolve(specifier),
})
