import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { strictArgs, UsageError } from './args.js'
import type { Io } from './run.js'

/** Help for `letterpress check`. */
export const CHECK_HELP = `Usage: letterpress check FILE.pdf… [--source FILE.md] [--json]

Reads each PDF back as an applicant-tracking system does and reports words of the source that are missing,
glued to their neighbour or split across lines, fonts that are not embedded, missing metadata (Title,
Author, Lang) and pages that are neither A4 nor Letter. Exit 0 when every file passes, 1 otherwise.

  --source FILE.md     the letter the PDF was made from (one PDF only); without it words are not compared
  --json               one JSON report on stdout`

/** `letterpress check`: resolves to the exit code. */
export async function runCheck(argv: string[], io: Io): Promise<number> {
  const parsed = strictArgs(argv, { source: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } })
  const { values, positionals: files } = parsed
  if (values.help) {
    io.out(CHECK_HELP)
    return 0
  }
  if (!files.length) throw new UsageError('check needs a PDF file: letterpress check FILE.pdf [--source FILE.md]')
  if (values.source && files.length > 1) throw new UsageError('--source goes with one PDF at a time')
  const read = (file: string) => {
    try {
      return readFileSync(resolve(io.cwd, file))
    } catch {
      throw new UsageError(`cannot read "${file}"`)
    }
  }
  const source = values.source === undefined ? undefined : read(values.source).toString('utf8')
  const { checkPdf, formatCheck } = await import('../check/index.js')
  const reports = []
  for (const file of files) {
    const bytes = new Uint8Array(read(file))
    try {
      const report = await checkPdf(bytes, { source })
      reports.push({ file, error: null, ...report })
      if (!values.json) for (const line of formatCheck(file, report)) io.out(line)
    } catch (error) {
      // Not a PDF pdf.js can read: that file fails, the others are still checked.
      const message = `not a readable PDF: ${(error as Error).message}`
      reports.push({ file, ok: false, error: message })
      if (!values.json) io.out(`✗ ${file}: ${message}`)
    }
  }
  const ok = reports.every((r) => r.ok)
  if (values.json) io.out(JSON.stringify({ ok, files: reports }, null, 2))
  return ok ? 0 : 1
}
