// Renders letters for the command line in a worker thread, so a letter that hangs can be stopped.
import { parentPort } from 'node:worker_threads'
import { renderLetter, type RenderOptions } from '../letter.js'
import { LetterError } from '../parse/errors.js'

parentPort!.on('message', async ({ id, markdown, options }: { id: number; markdown: string; options: RenderOptions }) => {
  try {
    const result = await renderLetter(markdown, options)
    parentPort!.postMessage({ id, result }, [result.pdf.buffer as ArrayBuffer])
  } catch (error) {
    const e = error as Error & Partial<LetterError>
    parentPort!.postMessage({
      id,
      error: { letter: error instanceof LetterError, message: e.message, line: e.line ?? null, column: e.column ?? null, file: e.file, stack: e.stack },
    })
  }
})

// Loaded: the time limit of the first letter starts now, not while the render stack loads.
parentPort!.postMessage({ ready: true })
