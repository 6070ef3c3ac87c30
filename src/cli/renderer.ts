import { Worker } from 'node:worker_threads'
import type { RenderOptions, RenderResult } from '../letter.js'
import { LetterError } from '../parse/errors.js'

type Reply = { id: number; result?: RenderResult; error?: { letter: boolean; message: string; line: number | null; column: number | null; file?: string; stack?: string } }

/** An error that is not about the letter: a bug or a crash inside the renderer (its stack for --verbose). */
export class RenderCrash extends Error {
  constructor(message: string, readonly detail?: string) {
    super(message)
  }
}

/**
 * Renders letters one at a time in a worker thread, with a time limit: a letter that takes longer is
 * stopped (the worker is ended and a fresh one takes the next letter), so one letter never stalls a batch.
 */
export class Renderer {
  private worker: Worker | null = null
  private ready: Promise<void> = Promise.resolve()
  private next = 0

  constructor(private readonly timeoutMs: number) {
    // Start loading the render stack in the worker now; the first letter waits for it anyway.
    this.start()
  }

  private start(): Worker {
    if (!this.worker) {
      const worker = new Worker(new URL('./render-worker.js', import.meta.url))
      this.worker = worker
      this.ready = new Promise((resolve, reject) => {
        const onMessage = (message: { ready?: boolean }) => {
          if (!message.ready) return
          worker.off('message', onMessage)
          worker.off('error', reject)
          resolve()
        }
        worker.on('message', onMessage)
        worker.once('error', reject)
      })
    }
    return this.worker
  }

  /** Render one letter; a LetterError for the letter's own problems, RenderCrash for anything else. */
  async render(markdown: string, options: RenderOptions): Promise<RenderResult> {
    const worker = this.start()
    try {
      await this.ready
    } catch (error) {
      this.worker = null
      throw new RenderCrash((error as Error).message, (error as Error).stack)
    }
    const id = ++this.next
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
      }
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return
        done()
        if (reply.result) resolve({ ...reply.result, pdf: new Uint8Array(reply.result.pdf) })
        else if (reply.error?.letter) reject(new LetterError(reply.error.message, reply.error.line, reply.error.column, reply.error.file))
        else reject(new RenderCrash(reply.error?.message ?? 'unknown error', reply.error?.stack))
      }
      const onError = (error: Error) => {
        done()
        this.worker = null
        reject(new RenderCrash(error.message, error.stack))
      }
      const timer = setTimeout(() => {
        done()
        void worker.terminate()
        this.worker = null
        reject(new LetterError(`rendering took longer than ${this.timeoutMs / 1000} s and was stopped (--timeout)`))
      }, this.timeoutMs)
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.postMessage({ id, markdown, options })
    })
  }

  /** End the worker so the process can exit. */
  async close(): Promise<void> {
    await this.worker?.terminate()
    this.worker = null
  }
}
