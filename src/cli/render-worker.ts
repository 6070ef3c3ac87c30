// Renders letters for the command line in a worker thread, so a letter that hangs can be stopped.
import { parentPort } from 'node:worker_threads'
import type { RenderOptions } from '../letter.js'

// Nothing here may touch the network, so there is no fetch at all; it also spares the ~25 ms Node spends
// loading its HTTP client when yoga's WASM loader merely checks `typeof fetch`.
delete (globalThis as { fetch?: unknown }).fetch
const { renderLetter } = await import('../letter.js')
const { LetterError } = await import('../parse/errors.js')

parentPort!.on('message', async ({ id, markdown, options }: { id: number; markdown: string; options: RenderOptions }) => {
  try {
    const started = performance.now()
    const result = await renderLetter(markdown, options)
    parentPort!.postMessage({ id, result, ms: performance.now() - started }, [result.pdf.buffer as ArrayBuffer])
  } catch (error) {
    const e = error as Error & { line?: number | null; column?: number | null; file?: string }
    parentPort!.postMessage({
      id,
      error: { letter: error instanceof LetterError, message: e.message, line: e.line ?? null, column: e.column ?? null, file: e.file, stack: e.stack },
    })
  }
})

// Loaded: the time limit of the first letter starts now, not while the render stack loads.
parentPort!.postMessage({ ready: true })
