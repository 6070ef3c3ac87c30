// One pre-built bundle for the command line: Node spends most of a cold start resolving and
// compiling hundreds of small modules; two entry files with a few shared chunks load in a fraction of that.
import { unusedModules } from '../patches/unused-modules.mjs'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const { dependencies } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))

// A library that finds its own files from `import.meta.url` (pdfkit's standard-font metrics and ICC profile)
// would look for them beside the bundle; give it the URL of its original file in node_modules, found at run
// time from its package entry. (fdir's one such use, a require of picomatch, serves a glob option tinyglobby
// does not use.)
const ownUrl = {
  name: 'own-url',
  transform(code, id) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1]
    if (!pkg || !dependencies[pkg] || !code.includes('import.meta.url')) return null
    const entry = fileURLToPath(import.meta.resolve(pkg))
    const url = `new URL(${JSON.stringify(relative(dirname(entry), id))}, import.meta.resolve(${JSON.stringify(pkg)})).href`
    return { code: code.replaceAll('import.meta.url', url), map: null }
  },
}

// The content hash of each script of the worker build, the key of its compiled code in the code cache.
const scriptHashes = {
  name: 'script-hashes',
  generateBundle(_options, bundle) {
    const hashes = {}
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk') hashes[chunk.fileName] = createHash('sha256').update(chunk.code).digest('hex')
    this.emitFile({ type: 'asset', fileName: 'hashes.json', source: JSON.stringify(hashes, null, 1) })
  },
}

// Loaded only when a run needs them, from node_modules as usual: the PDF reader of `check` and the
// hyphenation patterns of one language. (pdf-lib, for attachments, is bundled: its dynamic import
// becomes a chunk of its own that only a letter with attachments loads.)
const external = [/^pdfjs-dist/, /^hyphen\/[a-z-]+\/index\.js$/]
const plugins = (unused = {}) => [
  unusedModules(unused),
  ownUrl,
  nodeResolve({ exportConditions: ['node', 'production'], preferBuiltins: true }),
  commonjs(),
  json(),
]
const onwarn = (warning, warn) => {
  // Harmless in these libraries: import cycles, top-level `this`, annotations rollup cannot place.
  if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return
  warn(warning)
}
// The chunk a dynamic import of pdf-lib makes is named after it (rather than after its folder, "es.js").
const chunkFileNames = (chunk) => (chunk.facadeModuleId?.includes('/node_modules/pdf-lib/') ? 'pdf-lib.js' : '[name].js')

export default [
  // The command line, and the render worker's entry: a loader that runs the worker build below.
  {
    input: { main: 'dist/cli/main.js', 'render-worker': 'dist/cli/cached-worker.js' },
    external,
    output: { dir: 'dist/bundle', format: 'es', chunkFileNames, sourcemap: false },
    plugins: plugins(),
    onwarn,
  },
  // The render worker itself, as System.register scripts: on Node 20 only a script (vm.Script), not an ES
  // module, can start from V8's cached code. In dist/worker, two folders deep like the modules it is built of.
  {
    input: { 'render-worker': 'dist/cli/render-worker.js' },
    external,
    output: {
      dir: 'dist/worker',
      format: 'system',
      // Each file is the body of a function of `System`: the loader compiles the file's text as it is, not a copy.
      banner: '(function (System) {',
      footer: '})',
      indent: false,
      chunkFileNames,
      sourcemap: false,
    },
    plugins: [...plugins({ required: true }), scriptHashes],
    onwarn,
  },
]
