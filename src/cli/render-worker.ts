// Renders letters and reads PDFs back for the command line in a worker thread, so a job that hangs or runs out
// of memory can be stopped without the rest of the batch.
import { parentPort, workerData } from 'node:worker_threads'
import type { CheckOptions } from '../check/index.js'
import { removeFetch } from '../patches/no-fetch.js'
import { PatchTargetError } from '../patches/target.js'
import type { RenderOptions } from '../letter.js'
import type { CheckOutcome, JobKind } from './pool.js'

declare global {
  interface ImportMeta {
    /** Given by the bundle's script loader: keep the code compiled so far for the next cold start. */
    saveCodeCache?: () => void
  }
}

type Job = { id: number } & (
  { kind: 'render'; markdown: string; options: RenderOptions; check: boolean } | { kind: 'check'; pdf: Uint8Array; options: CheckOptions }
)

removeFetch()
const stacks = { render: () => import('../letter.js'), check: () => import('../check/index.js') }
const { LetterError } = await import('../parse/errors.js')
await stacks[(workerData as { preload?: JobKind } | null)?.preload ?? 'render']()

/** The Markdown a render was made from: a JSON Resume's as converted (the words its PDF shows), else the letter as it is. */
async function sourceMarkdown(job: { markdown: string; options: RenderOptions }): Promise<string> {
  const { isResume, resumeToMarkdown } = await import('../resume/index.js')
  const path = job.options.path ?? 'letter.md'
  return isResume(path) ? resumeToMarkdown(job.markdown, path) : job.markdown
}

/** Read a PDF back: its report, or why it cannot be read (that is the PDF's problem, not a bug). */
async function checkOutcome(pdf: Uint8Array, options: CheckOptions): Promise<CheckOutcome> {
  const { checkPdf, DecodeLimitError } = await stacks.check()
  try {
    return { report: await checkPdf(pdf, options) }
  } catch (error) {
    // A reader whose patch target moved is letterpress's problem, not the PDF's.
    if (error instanceof PatchTargetError) throw error
    return { error: error instanceof DecodeLimitError ? error.message : `not a readable PDF: ${(error as Error)?.message ?? error}` }
  }
}

/**
 * Run a job; a reply with its result (the PDF's bytes transferred) and read-back, or its error. The code of
 * scripts it loaded (a read-back's, pdf-lib's) is kept before the reply: a run ends its workers once it has its PDFs.
 */
async function runJob(job: Job): Promise<void> {
  const started = performance.now()
  if (job.kind === 'check') {
    const check = await checkOutcome(job.pdf, job.options)
    import.meta.saveCodeCache?.()
    parentPort!.postMessage({ id: job.id, check, ms: performance.now() - started })
    return
  }
  const result = await (await stacks.render()).renderLetter(job.markdown, job.options)
  let check: CheckOutcome | undefined
  if (job.check) {
    // Read back against the source as the reader sees it: placeholders filled from the row and the front matter.
    const { fillSourceText } = await import('../parse/placeholders.js')
    parentPort!.postMessage({ id: job.id, phase: 'check' })
    // A one-file application: every part of letterpress's own read back on its own pages, against its own words.
    check = await checkOutcome(
      result.pdf,
      result.parts
        ? { parts: result.parts }
        : {
            source: fillSourceText(await sourceMarkdown(job), job.options.values, result.meta),
            letterPages: result.letterPages,
            hyphenate: result.meta.hyphenate,
          },
    )
  }
  import.meta.saveCodeCache?.()
  parentPort!.postMessage({ id: job.id, result, check, ms: performance.now() - started }, [result.pdf.buffer as ArrayBuffer])
}

parentPort!.on('message', async (job: Job) => {
  try {
    await runJob(job)
  } catch (error) {
    const e = error as Error & { line?: number | null; column?: number | null; file?: string; more?: unknown[] }
    parentPort!.postMessage({
      id: job.id,
      error: {
        letter: error instanceof LetterError,
        message: e.message,
        line: e.line ?? null,
        column: e.column ?? null,
        file: e.file,
        more: e.more,
        stack: e.stack,
      },
    })
  }
})

// The loaded stack's code, kept for the next cold start. Kept now rather than after a first render: a cache that
// also holds the functions a render compiles is larger, no faster to start from, and makes the worker bigger.
import.meta.saveCodeCache?.()
// Loaded: the time limit of the first job starts now, not while its stack loads.
parentPort!.postMessage({ ready: true })
