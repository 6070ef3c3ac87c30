import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { CheckOptions, CheckReport } from '../check/index.js'
import type { RenderOptions, RenderResult } from '../letter.js'
import { LetterError } from '../parse/errors.js'

/** What a worker does: render a letter, or read a PDF back (`--check`, `letterpress check`). */
export type JobKind = 'render' | 'check'

type Job = { kind: 'render'; markdown: string; options: RenderOptions } | { kind: 'check'; pdf: Uint8Array; options: CheckOptions }

type Reply = {
  id: number
  ms?: number
  result?: RenderResult | CheckReport
  error?: { letter: boolean; message: string; line: number | null; column: number | null; file?: string; stack?: string }
}

/** What each kind of job is called in messages about its limits. */
const DOING: Record<JobKind, { verb: string; noun: string }> = { render: { verb: 'rendering', noun: 'letter' }, check: { verb: 'checking', noun: 'check' } }

/** An error that is not about the letter: a bug or a crash inside the renderer (its stack for --verbose). */
export class RenderCrash extends Error {
  constructor(message: string, readonly detail?: string) {
    super(message)
  }
}

/** A worker thread with the render stack loaded (or loading). */
interface Slot {
  worker: Worker
  ready: Promise<void>
}

const WORKER_URL = new URL('./render-worker.js', import.meta.url)
/**
 * Old-generation heap of a render worker. Left unbounded, V8 lets garbage pile up between letters (a worker
 * reached 400 MB over 200 letters with 75 MB live); this bound keeps a batch near 250 MB per worker.
 */
export const WORKER_HEAP_MB = 192

/** Start a worker; `ready` settles once it has loaded the stack for `preload` (the other loads on its first job). */
function startWorker(preload: JobKind = 'render'): Slot {
  const worker = new Worker(WORKER_URL, { workerData: { preload }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: { ready?: boolean }) => {
      if (!message.ready) return
      worker.off('message', onMessage)
      worker.off('error', reject)
      resolve()
    }
    worker.on('message', onMessage)
    worker.once('error', reject)
  })
  // A worker that failed to load is reported by the render that waits for it.
  ready.catch(() => undefined)
  return { worker, ready }
}

let early: Slot | undefined

/** Start the first worker before the rest of the command line has loaded: its load is the long pole of a cold run. */
export function startEarly(): void {
  early ??= startWorker()
  // Until a Renderer adopts it, it must not keep a run that renders nothing (bad usage) from exiting.
  early.worker.unref()
}

/** The default number of letters rendered at once: one per core. */
export function defaultJobs(): number {
  return availableParallelism()
}

/**
 * Renders letters and reads PDFs back in a pool of worker threads (at most `jobs` at once), each job under a
 * time limit and the workers' heap limit: a job that takes longer is stopped (its worker is ended and a fresh
 * one takes the next job), so one letter never stalls a batch, and a crash fails only the job that caused it.
 */
export class Renderer {
  private readonly idle: Slot[] = []
  private readonly waiting: ((slot: Slot) => void)[] = []
  private readonly all = new Set<Slot>()
  /** Stops for the renders under way, so closing never leaves a time limit holding the process open. */
  private readonly active = new Set<() => void>()
  private closed = false
  private next = 0

  constructor(
    private readonly timeoutMs: number,
    private readonly jobs = 1,
    /** The stack new workers load before their first job: what most of this pool's jobs need. */
    private readonly preload: JobKind = 'render',
  ) {
    // The first job waits for a loaded worker anyway: start loading now (or adopt the early one, a render worker).
    const first = (preload === 'render' && early) || startWorker(preload)
    if (first === early) early = undefined
    first.worker.ref()
    this.all.add(first)
    this.idle.push(first)
  }

  /** Render one letter; a LetterError for the letter's own problems, RenderCrash for anything else. */
  async render(markdown: string, options: RenderOptions): Promise<RenderResult & { ms: number }> {
    const { result, ms } = await this.run({ kind: 'render', markdown, options })
    const rendered = result as RenderResult
    return { ...rendered, pdf: new Uint8Array(rendered.pdf), ms }
  }

  /** Read a PDF back against its source; a LetterError when it cannot be read (or not within the limits), RenderCrash for a bug. */
  async check(pdf: Uint8Array, options: CheckOptions = {}): Promise<CheckReport> {
    return (await this.run({ kind: 'check', pdf, options })).result as CheckReport
  }

  /** Run one job in a worker under the time limit; a worker that runs out of memory, crashes or hangs is replaced. */
  private async run(job: Job): Promise<{ result: RenderResult | CheckReport; ms: number }> {
    const slot = await this.acquire()
    try {
      await slot.ready
    } catch (error) {
      this.retire(slot)
      throw new RenderCrash((error as Error).message, (error as Error).stack)
    }
    const id = ++this.next
    const { worker } = slot
    const { verb, noun } = DOING[job.kind]
    return new Promise((resolve, reject) => {
      const done = (healthy: boolean) => {
        clearTimeout(timer)
        this.active.delete(cancel)
        worker.off('message', onMessage)
        worker.off('error', onError)
        if (healthy) this.release(slot)
        else this.retire(slot)
      }
      const cancel = () => {
        clearTimeout(timer)
        reject(new LetterError(`stopped before this letter was ${job.kind === 'render' ? 'rendered' : 'checked'}`))
      }
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return
        done(true)
        if (reply.result) resolve({ result: reply.result, ms: reply.ms ?? 0 })
        else if (reply.error?.letter) reject(new LetterError(reply.error.message, reply.error.line, reply.error.column, reply.error.file))
        else reject(new RenderCrash(reply.error?.message ?? 'unknown error', reply.error?.stack))
      }
      const onError = (error: Error & { code?: string }) => {
        done(false)
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new LetterError(`ran out of memory while ${verb} (a ${noun} may use ${WORKER_HEAP_MB} MB)`))
        else reject(new RenderCrash(error.message, error.stack))
      }
      const timer = setTimeout(() => {
        done(false)
        reject(new LetterError(`${verb} took longer than ${this.timeoutMs / 1000} s and was stopped (--timeout)`))
      }, this.timeoutMs)
      this.active.add(cancel)
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.postMessage({ id, ...job })
    })
  }

  /** An idle worker, a new one while fewer than `jobs` run, or the next one released. */
  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new LetterError('stopped before this letter was rendered'))
    const slot = this.idle.pop()
    if (slot) return Promise.resolve(slot)
    if (this.all.size < this.jobs) {
      const fresh = startWorker(this.preload)
      this.all.add(fresh)
      return Promise.resolve(fresh)
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(slot: Slot): void {
    const waiter = this.waiting.shift()
    if (waiter) waiter(slot)
    else this.idle.push(slot)
  }

  /** End a worker that hung or crashed; a waiting letter gets a fresh one. */
  private retire(slot: Slot): void {
    this.all.delete(slot)
    void slot.worker.terminate()
    const waiter = this.waiting.shift()
    if (waiter && !this.closed) {
      const fresh = startWorker(this.preload)
      this.all.add(fresh)
      waiter(fresh)
    }
  }

  /** End the workers so the process can exit. */
  async close(): Promise<void> {
    this.closed = true
    for (const cancel of this.active) cancel()
    this.active.clear()
    this.waiting.length = 0
    const slots = [...this.all]
    this.all.clear()
    this.idle.length = 0
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }
}
