import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CONFIG_FILES, configPaths, loadConfig } from '../parse/config.js'
import { asLetterError, errorText } from '../parse/errors.js'
import { NOWHERE } from '../parse/message.js'
import { DEFAULT_OUT, strictArgs, UsageError } from './args.js'
import { expandInputs, readLetter, type Input } from './inputs.js'
import { WorkerPool } from './pool.js'
import { formatMessage } from './report.js'
import type { Io } from './io.js'
import type { FileWatch } from './watch-files.js'
import { watchLetters } from './watch.js'
import { shownPath } from '../util/paths.js'

/** Help for `letterpress preview`. */
export const PREVIEW_HELP = `Usage: letterpress preview [LETTER.md] [--port N]

Serves a page on http://127.0.0.1 that shows the letter's pages and renders them again within a second of
each save (of the letter, an image or theme file it names, the project config or fonts). Warnings and errors
appear beside the pages, with their lines. Ctrl-C stops it.

  LETTER.md            the letter (default: the first letter in letters/)
  --port N             the port (default: a free one, printed)`

/** What the page is told after each render. */
interface State {
  version: number
  ok: boolean
  pages: number
  ms: number
  messages: { severity: 'warning' | 'error'; text: string; line: number | null; column: number | null }[]
}

/** pdf.js files the page loads, from the installed pdfjs-dist (nothing from the network). */
const PDFJS: Record<string, string> = {
  '/pdfjs/pdf.mjs': 'pdfjs-dist/build/pdf.min.mjs',
  '/pdfjs/pdf.worker.mjs': 'pdfjs-dist/build/pdf.worker.min.mjs',
}

/** A running preview: its letter, its pool, the last good PDF, what the page was last told, and the pages listening. */
interface Preview {
  io: Io
  input: Input
  /** The letter's absolute path. */
  file: string
  /** Replaced when fonts change: fonts are registered once per worker. */
  pool: WorkerPool
  pdf: Uint8Array | null
  state: State
  clients: Set<ServerResponse>
}

/** `letterpress preview`: resolves to the exit code once stopped. */
export async function runPreview(argv: string[], io: Io, stopping: Promise<void>): Promise<number> {
  // 1. The command line: --help, the letter, the port.
  const args = previewArgs(argv)
  if (!args) {
    io.out(PREVIEW_HELP)
    return 0
  }
  const [input] = await expandInputs(args.letters, io.cwd)
  const preview: Preview = {
    io,
    input: input!,
    file: resolve(io.cwd, input!.path),
    pool: new WorkerPool(60_000, 1),
    pdf: null,
    state: { version: 0, ok: false, pages: 0, ms: 0, messages: [] },
    clients: new Set(),
  }
  // 2. The page, served to this machine only.
  const { server, address } = await serve(preview, args.port)
  // 3. The watch: the letter renders again when it or what it uses changes.
  const watch = await watchPreview(preview)
  // 4. The first render, then renders on changes until stopped; whatever happens, nothing is left running.
  try {
    io.err(`preview of ${input!.path}: ${address}  (Ctrl-C to stop)`)
    await renderPreview(preview)
    await stopping
  } finally {
    await watch.close()
    for (const res of preview.clients) res.end()
    server.closeAllConnections()
    await new Promise((closed) => server.close(closed))
    await preview.pool.close()
  }
  io.err('letterpress: preview stopped')
  return 0
}

/** The letters to look in and the port, checked; undefined for --help. */
function previewArgs(argv: string[]): { letters: string[]; port: number } | undefined {
  const { values, positionals } = strictArgs(argv, { port: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } })
  if (values.help) return undefined
  if (positionals.length > 1) throw new UsageError('preview shows one letter at a time')
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}"`)
  return { letters: positionals.length ? positionals : ['letters'], port }
}

/** Render the letter and tell every page: its pages and warnings, or its errors beside the last good pages. */
async function renderPreview(preview: Preview): Promise<void> {
  const {
    io,
    file,
    input: { path },
  } = preview
  const started = performance.now()
  const messages: State['messages'] = []
  try {
    // A broken config is shown like a broken letter.
    const config = loadConfig(io.cwd)
    // The config's lines are not the letter's: the page marks no line for them.
    for (const w of config.warnings)
      messages.push({
        severity: 'warning',
        text: formatMessage('', 'warning', { ...w, file: w.file && shownPath(w.file, io.cwd) }),
        ...NOWHERE,
      })
    const markdown = readLetter(file, path)
    const result = await preview.pool.render(markdown, {
      path,
      baseDir: dirname(file),
      config: config.raw,
      fontDirs: [join(io.cwd, 'fonts')],
      allowPaths: config.file ? [dirname(config.file)] : [],
    })
    preview.pdf = result.pdf
    for (const w of result.warnings)
      messages.push({ severity: 'warning', text: formatMessage(path, 'warning', w), line: w.line, column: w.column })
    preview.state = {
      version: preview.state.version + 1,
      ok: true,
      pages: result.pages,
      ms: Math.round(performance.now() - started),
      messages,
    }
    io.out(`✓ ${path}  ${result.pages} page${result.pages === 1 ? '' : 's'}, ${preview.state.ms} ms`)
  } catch (error) {
    // The page keeps showing the last good render, with the error beside it.
    const e = asLetterError(error, 'could not render: ')
    // Every problem of one pass (each schema problem of the front matter or a theme file) is shown.
    for (const p of e.problems) {
      const where = p.file ? shownPath(resolve(io.cwd, p.file), io.cwd) : path
      messages.push({
        severity: 'error',
        text: formatMessage(where, 'error', { message: p.message, line: p.line, column: p.column }),
        line: p.line,
        column: p.column,
      })
    }
    preview.state = {
      version: preview.state.version + 1,
      ok: false,
      pages: preview.state.pages,
      ms: Math.round(performance.now() - started),
      messages,
    }
    io.out(`✗ ${path}  ${e.message}`)
  }
  for (const res of preview.clients) send(preview, res)
}

/** Tell one page what the last render found. */
function send(preview: Preview, res: ServerResponse): void {
  res.write(`event: update\ndata: ${JSON.stringify(preview.state)}\n\n`)
}

/** Serve the page on 127.0.0.1 (only this machine can see the letter); a port in use is bad usage. */
async function serve(preview: Preview, port: number): Promise<{ server: Server; address: string }> {
  const server = createServer((req, res) => answer(preview, req, res))
  try {
    await new Promise<void>((ready, fail) => server.once('error', fail).listen(port, '127.0.0.1', ready))
  } catch (error) {
    await preview.pool.close()
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UsageError(`port ${port} is in use; choose another with --port, or leave it out for a free one`)
    throw error
  }
  return { server, address: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }
}

/** Answer one request of the page: the page, the PDF, the event stream, pdf.js. */
function answer(preview: Preview, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  // Only pages on this machine's own address may read the letter (no DNS rebinding through another name).
  const host = req.headers.host ?? ''
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) {
    res.writeHead(403, { 'content-type': 'text/plain' })
    res.end('forbidden')
    return
  }
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(page(basename(preview.input.path)))
  } else if (url.pathname === '/letter.pdf' && preview.pdf) {
    res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' })
    res.end(preview.pdf)
  } else if (url.pathname === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    preview.clients.add(res)
    req.on('close', () => preview.clients.delete(res))
    if (preview.state.version) send(preview, res)
  } else if (PDFJS[url.pathname]) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' })
    res.end(readFileSync(fileURLToPath(import.meta.resolve(PDFJS[url.pathname]!))))
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
  }
}

/** Watch the letter as --watch watches one; each render reads the config again, so there is nothing to reload. */
function watchPreview(preview: Preview): Promise<FileWatch> {
  const { io } = preview
  // The files the project config names (a signature beside it, its theme file); a broken config names none.
  const named = () => {
    try {
      return configPaths(loadConfig(io.cwd).raw)
    } catch {
      return []
    }
  }
  return watchLetters({
    io,
    inputs: [preview.input.path],
    tasks: [preview.input],
    outDir: resolve(io.cwd, DEFAULT_OUT),
    shared: CONFIG_FILES.map((name) => join(io.cwd, name)),
    named,
    fontsDir: join(io.cwd, 'fonts'),
    render: () => renderPreview(preview),
    reloadConfig: () => {},
    onError: (error) => io.err(`letterpress: ${errorText(error)}`),
    restartRenderer: async () => {
      await preview.pool.close()
      preview.pool = new WorkerPool(60_000, 1)
    },
  })
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The preview page: pages drawn by pdf.js in canvases, messages beside them, refreshed by server-sent events. */
function page(name: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(name)} — letterpress preview</title>
<style>
  body { margin: 0; display: flex; height: 100vh; font: 14px/1.4 system-ui, sans-serif; background: #5b5f63; }
  #pages { flex: 1; overflow: auto; display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 24px; }
  #pages canvas { background: #fff; box-shadow: 0 2px 8px #0006; }
  aside { width: 340px; overflow: auto; background: #fafafa; padding: 16px; box-sizing: border-box; }
  h1 { font-size: 16px; margin: 0 0 4px; } #status { color: #555; margin-bottom: 12px; }
  li { margin: 6px 0; font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; }
  .error { color: #b00020; } .warning { color: #7a5200; }
  .text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: pre-wrap; }
</style></head>
<body data-version="0">
<main id="pages"></main>
<aside><h1>${escape(name)}</h1><div id="status">rendering…</div><ul id="messages"></ul></aside>
<script type="module">
import * as pdfjs from '/pdfjs/pdf.mjs'
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs'
const pages = document.getElementById('pages')
const status = document.getElementById('status')
const list = document.getElementById('messages')
let drawing = Promise.resolve()
async function draw(version) {
  const pdf = await pdfjs.getDocument({ url: '/letter.pdf?v=' + version, isEvalSupported: false }).promise
  const fresh = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const viewport = page.getViewport({ scale: 1.4 * (window.devicePixelRatio || 1) })
    const canvas = document.createElement('canvas')
    canvas.width = viewport.width
    canvas.height = viewport.height
    canvas.style.width = viewport.width / (window.devicePixelRatio || 1) + 'px'
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise
    // The page's text, for assistive technology and tests.
    const text = document.createElement('div')
    text.className = 'text'
    text.textContent = (await page.getTextContent()).items.map((i) => i.str + (i.hasEOL ? '\\n' : '')).join('')
    fresh.push(canvas, text)
  }
  pages.replaceChildren(...fresh)
}
new EventSource('/events').addEventListener('update', (event) => {
  const state = JSON.parse(event.data)
  drawing = drawing.then(async () => {
    list.replaceChildren(...state.messages.map((m) => Object.assign(document.createElement('li'), { className: m.severity, textContent: m.text })))
    if (state.ok) await draw(state.version)
    status.textContent = (state.ok ? 'rendered' : 'not rendered: showing the last good pages') + ' · ' + state.pages + ' page' + (state.pages === 1 ? '' : 's') + ' · ' + state.ms + ' ms'
    document.body.dataset.ok = String(state.ok)
    document.body.dataset.version = String(state.version)
  }).catch((error) => { status.textContent = 'could not show the PDF: ' + error.message })
})
</script></body></html>`
}
