import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { CheckOptions, CheckReport } from '../check/index.js'
import type { RenderOptions, RenderResult } from '../letter.js'
import { LetterError, type Problem } from '../parse/errors.js'

/** What a worker does: render a letter, or read a PDF back (`--check`, `letterpress check`). */
export type JobKind = 'render' | 'check'

/** A render, with `check` read back in the same worker before it is returned; or a read-back of a PDF. */
type Job =
  { kind: 'render'; markdown: string; options: RenderOptions; check: boolean } | { kind: 'check'; pdf: Uint8Array; options: CheckOptions }

/** What a read-back found: its report, or why the PDF could not be read (a compression bomb, not a PDF). */
export type CheckOutcome = { report: CheckReport; error?: undefined } | { error: string; report?: undefined }

type Reply = {
  id: number
  /** Sent between a render and its read-back: the read-back gets a time limit of its own. */
  phase?: JobKind
  ms?: number
  result?: RenderResult
  check?: CheckOutcome
  error?: { letter: boolean; message: string; line: number | null; column: number | null; file?: string; more?: Problem[]; stack?: string }
}

/** What each part of a job is called in messages about its limits. */
const DOING: Record<JobKind, { verb: string; noun: string }> = {
  render: { verb: 'rendering', noun: 'letter' },
  check: { verb: 'checking', noun: 'check' },
}

/** A read-back stopped by a limit (time, memory): the letter's problem, but one of its check. */
export class CheckStopped extends LetterError {}

/** An error that is not about the letter: a bug or a crash inside a worker (its stack for --verbose). */
export class RenderCrash extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
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
  // Until a WorkerPool adopts it, it must not keep a run that renders nothing (bad usage) from exiting.
  early.worker.unref()
  // ICU's date and number data are loaded once per process, by whichever thread asks first: asked here, while the
  // worker loads, its first dated letter does not wait for them.
  setImmediate(warmIntl)
}

/** Format a date and a number once, so ICU's shared data is loaded before a worker needs it. */
function warmIntl(): void {
  new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(0)
  new Intl.NumberFormat('en').format(0.5)
}

/** The default number of letters rendered at once: one per core but one (at least one). */
export function defaultJobs(): number {
  // The main thread reads, writes and reports: on 2 cores one worker renders a batch as fast as two, in 100 MB less.
  return Math.max(1, availableParallelism() - 1)
}

/**
 * Renders letters and reads PDFs back in a pool of worker threads (at most `jobs` at once), each job under a
 * time limit and the workers' heap limit: a job that takes longer is stopped (its worker is ended and a fresh
 * one takes the next job), so one letter never stalls a batch, and a crash fails only the job that caused it.
 */
export class WorkerPool {
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

  /**
   * Render one letter, and with `check` read the PDF back in the same worker (its own time limit); a LetterError
   * for the letter's own problems (CheckStopped when the read-back hit a limit), RenderCrash for anything else.
   */
  async render(markdown: string, options: RenderOptions, check = false): Promise<RenderResult & { ms: number; check?: CheckOutcome }> {
    const reply = await this.run({ kind: 'render', markdown, options, check })
    return { ...reply.result!, pdf: new Uint8Array(reply.result!.pdf), ms: reply.ms ?? 0, check: reply.check }
  }

  /** Read a PDF back against its source: the report, or why it could not be read (also within the limits); RenderCrash for a bug. */
  async check(pdf: Uint8Array, options: CheckOptions = {}): Promise<CheckOutcome> {
    try {
      return (await this.run({ kind: 'check', pdf, options })).check!
    } catch (error) {
      if (error instanceof CheckStopped) return { error: error.message }
      throw error
    }
  }

  /** Run one job in a worker under the time limit; a worker that runs out of memory, crashes or hangs is replaced. */
  private async run(job: Job): Promise<Reply> {
    const slot = await this.acquire()
    try {
      await slot.ready
    } catch (error) {
      this.retire(slot)
      throw new RenderCrash((error as Error).message, (error as Error).stack)
    }
    const id = ++this.next
    const { worker } = slot
    let phase: JobKind = job.kind
    // A limit hit while reading back is the check's failure.
    const stopped = (message: string) => (phase === 'check' ? new CheckStopped(message) : new LetterError(message))
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
      const onTimeout = () => {
        done(false)
        reject(stopped(`${DOING[phase].verb} took longer than ${this.timeoutMs / 1000} s and was stopped (--timeout)`))
      }
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return
        if (reply.phase) {
          phase = reply.phase
          clearTimeout(timer)
          timer = setTimeout(onTimeout, this.timeoutMs)
          return
        }
        done(true)
        if (reply.result || reply.check) resolve(reply)
        else if (reply.error?.letter)
          reject(new LetterError(reply.error.message, reply.error.line, reply.error.column, reply.error.file, reply.error.more))
        else reject(new RenderCrash(reply.error?.message ?? 'unknown error', reply.error?.stack))
      }
      const onError = (error: Error & { code?: string }) => {
        done(false)
        const { verb, noun } = DOING[phase]
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
          reject(stopped(`ran out of memory while ${verb} (a ${noun} may use ${WORKER_HEAP_MB} MB)`))
        else reject(new RenderCrash(error.message, error.stack))
      }
      let timer = setTimeout(onTimeout, this.timeoutMs)
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
