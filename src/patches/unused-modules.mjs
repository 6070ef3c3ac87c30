// Modules the bundled libraries import at load time for features letterpress never uses. Each costs a cold start
// its load-time work (brotli decodes its dictionary, react-pdf compiles English hyphenation patterns, the AES
// tables are built), so the bundle gets a stub instead, which throws a clear error should anything call it.

/** What is left out: the importing package, the module it imports, the names it imports, and why it is not needed. */
export const UNUSED_MODULES = [
  {
    importer: 'fontkit',
    source: 'brotli/decompress.js',
    names: ['default'],
    why: 'it decodes WOFF2 fonts, and letterpress reads TTF and OTF fonts only',
  },
  {
    importer: '@react-pdf/textkit',
    source: '@react-pdf/hyphenate/en-us',
    names: ['syllables'],
    why: "it is react-pdf's built-in English hyphenation, and letterpress sets its own hyphenation for every render",
  },
  {
    importer: 'pdfkit',
    source: '@noble/ciphers/aes',
    names: ['cbc', 'ecb'],
    why: 'it encrypts PDFs, and letterpress never encrypts one',
  },
]

const PREFIX = '\0letterpress-unused:'

/** The stub's source: every imported name is a function that throws, naming the module and why it is left out. */
export function stubSource({ source, names, why }) {
  const fail = `() => { throw new Error(${JSON.stringify(`letterpress: ${source} is left out of the bundle (${why})`)}) }`
  return names.map((name) => (name === 'default' ? `export default ${fail}` : `export const ${name} = ${fail}`)).join('\n')
}

/**
 * A rollup plugin that swaps the unused modules for stubs. With `required`, the build fails when an importer no
 * longer imports its module as written (the dependency changed: the list must be checked again).
 */
export function unusedModules({ required = false } = {}) {
  const seen = new Set()
  return {
    name: 'letterpress-unused-modules',
    resolveId(source, importer) {
      const entry = UNUSED_MODULES.find((unused) => unused.source === source && importer?.includes(`/node_modules/${unused.importer}/`))
      if (!entry) return null
      seen.add(entry)
      return PREFIX + source
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null
      return stubSource(UNUSED_MODULES.find((unused) => PREFIX + unused.source === id))
    },
    buildEnd(error) {
      if (error || !required) return
      const missing = UNUSED_MODULES.filter((entry) => !seen.has(entry))
      if (missing.length) {
        this.error(
          `letterpress: ${missing.map((m) => `${m.importer} no longer imports ${m.source}`).join('; ')}: check the list in src/patches/unused-modules.mjs`,
        )
      }
    },
  }
}
