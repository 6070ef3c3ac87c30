import { resolve } from 'node:path'
import { errorText } from '../parse/errors.js'
import { isResume, resumeToMarkdown } from '../resume/index.js'
import { checkFile, READ_LIMITS, readFileSafely } from '../util/read-file.js'
import { readLetter } from './inputs.js'
import { DEFAULT_TIMEOUT_S, parseTimeout, strictArgs, UsageError } from './args.js'
import { defaultJobs, WorkerPool, type CheckOutcome } from './pool.js'
import type { Io } from './io.js'

/** Help for `letterpress check`. */
export const CHECK_HELP = `Usage: letterpress check FILE.pdf… [--source FILE.md] [--json] [--timeout SECONDS]

Reads each PDF back as an applicant-tracking system does and reports words of the source that are missing,
glued to their neighbour or split across lines (a long URL broken at line ends is read joined; a word
hyphenated at a line end passes, and is counted, when the source's front matter has hyphenate: true),
fonts that are not embedded, missing metadata (Title, Author, Lang), pages that are neither A4 nor Letter,
and a letter whose pages differ in size (PDFs attached after the letter's own pages, as the PDF records
them, keep theirs; their fonts are their author's, noted, not failed). Exit 0 when every file passes, 1 otherwise.
Each file is read in a worker thread with the render's limits (memory, time); a file beyond them fails alone.

  --source FILE.md     the letter the PDF was made from (one PDF only), compared with the letter's own pages
                       (attached parts are read back by --check while rendering); without it words are not compared
  --json               one JSON report on stdout
  --timeout SECONDS    stop reading a file that takes longer (default ${DEFAULT_TIMEOUT_S}); the other files are still checked`

/** `letterpress check`: resolves to the exit code. */
export async function runCheck(argv: string[], io: Io): Promise<number> {
  const parsed = strictArgs(argv, {
    source: { type: 'string' },
    json: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  })
  const { values, positionals: files } = parsed
  if (values.help) {
    io.out(CHECK_HELP)
    return 0
  }
  if (!files.length) throw new UsageError('check needs a PDF file: letterpress check FILE.pdf [--source FILE.md]')
  if (values.source && files.length > 1) throw new UsageError('--source goes with one PDF at a time')
  const timeout = parseTimeout(values.timeout)
  const letter = values.source === undefined ? undefined : readLetter(resolve(io.cwd, values.source), values.source)
  // A JSON Resume is compared as the Markdown it renders from: the words its PDF shows.
  const source = letter !== undefined && isResume(values.source!) ? resumeToMarkdown(letter, values.source!) : letter
  // A file that is not there is a typo on the command line: bad usage, before anything is checked.
  for (const file of files) {
    const found = checkFile(resolve(io.cwd, file), { what: 'PDF', name: file, limit: READ_LIMITS.pdf })
    if ('reason' in found && found.reason === 'missing') throw new UsageError(found.problem)
  }
  const { formatCheck } = await import('../check/format.js')
  // Files are read in workers, a few at once; a file that cannot be read, or not within the limits, fails alone.
  const jobs = Math.min(defaultJobs(), files.length)
  const checker = new WorkerPool(timeout * 1000, jobs, 'check')
  const start = (file: string): Promise<CheckOutcome> => {
    // The read rule of every file: a regular file within its size limit (a device or a pipe is never opened).
    const read = readFileSafely(resolve(io.cwd, file), { what: 'PDF', limit: READ_LIMITS.pdf })
    if ('problem' in read) return Promise.resolve({ error: read.problem })
    const pdf = new Uint8Array(read.data)
    return checker.check(pdf, { source }).catch((error: unknown): CheckOutcome => ({ error: `could not be checked: ${errorText(error)}` }))
  }
  const reports = []
  try {
    // A few files queued ahead of the one reported, so only those are held in memory.
    const checks: ReturnType<typeof start>[] = []
    for (const [i, file] of files.entries()) {
      while (checks.length < Math.min(files.length, i + 2 * jobs)) checks.push(start(files[checks.length]!))
      const outcome = await checks[i]!
      if (outcome.report) {
        reports.push({ file, error: null, ...outcome.report })
        if (!values.json) for (const line of formatCheck(file, outcome.report)) io.out(line)
      } else {
        reports.push({ file, ok: false, error: outcome.error })
        if (!values.json) io.out(`✗ ${file}: ${outcome.error}`)
      }
    }
  } finally {
    await checker.close()
  }
  const ok = reports.every((r) => r.ok)
  if (values.json) io.out(JSON.stringify({ ok, files: reports }, null, 2))
  return ok ? 0 : 1
}
