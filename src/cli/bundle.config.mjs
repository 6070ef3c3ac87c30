// One pre-built bundle for the command line: Node spends most of a cold start resolving and
// compiling hundreds of small modules; two entry files with a few shared chunks load in a fraction of that.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
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

export default {
  input: { main: 'dist/cli/main.js', 'render-worker': 'dist/cli/render-worker.js' },
  // Loaded only when a run needs them, from node_modules as usual: the PDF reader of `check` and the
  // hyphenation patterns of one language. (pdf-lib, for attachments, is bundled: its dynamic import
  // becomes a chunk of its own that only a letter with attachments loads.)
  external: [/^pdfjs-dist/, /^hyphen\/[a-z-]+\/index\.js$/],
  output: {
    dir: 'dist/bundle',
    format: 'es',
    // The chunk a dynamic import of pdf-lib makes is named after it (rather than after its folder, "es.js").
    chunkFileNames: (chunk) => (chunk.facadeModuleId?.includes('/node_modules/pdf-lib/') ? 'pdf-lib.js' : '[name].js'),
    sourcemap: false,
  },
  plugins: [ownUrl, nodeResolve({ exportConditions: ['node', 'production'], preferBuiltins: true }), commonjs(), json()],
  onwarn(warning, warn) {
    // Harmless in these libraries: import cycles, top-level `this`, annotations rollup cannot place.
    if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return
    warn(warning)
  },
}
