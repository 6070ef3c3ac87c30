import { resolve } from 'node:path'
import type { LetterMessage } from '../types.js'
import type { CheckReport } from '../check/report.js'
import type { LetterError, Problem } from '../parse/errors.js'
import { shownPath } from '../util/paths.js'

/** One letter's entry in the JSON report (DESIGN.md contract). */
export interface LetterReport {
  input: string
  /** The mail-merge data row (1-based), with --data. */
  row?: number
  output: string | null
  /** The plain-text twin written beside the PDF (--txt, `txt: true`); absent when none was asked for. */
  txt?: string
  /** "unchanged" when the letter was not rendered: nothing its PDF is made from changed since it was written (absent when rendered or failed). */
  status?: 'unchanged'
  pages: number
  bytes: number
  ms: number
  /** Each with `file` when it is about another file than the letter (an attached Markdown part). */
  warnings: { message: string; line: number | null; column: number | null; source: string; file?: string }[]
  /** With --check: whether the PDF read back passed, each problem as a line, and the word counts (null when not read). */
  check?: { ok: boolean; problems: string[]; words: CheckReport['words'] }
  /**
   * The first problem that failed the letter; `file` is set when it is in another file than the letter (a theme
   * file). `problems` lists every problem when one pass found several (every schema problem of a file).
   */
  error: null | (ReportProblem & { problems?: ReportProblem[] })
}

/** One problem as the report names it: its message and place, and its file when not the letter. */
export interface ReportProblem {
  message: string
  line: number | null
  column: number | null
  file?: string
}

/** The whole run's JSON report. */
export interface Report {
  ok: boolean
  /** Warnings about the project config, which belong to no one letter. */
  warnings: ({ file: string } & LetterReport['warnings'][number])[]
  letters: LetterReport[]
}

/** A LetterError as the report has it: the first problem, and every problem when there are several; a file only when it is not the letter. */
export function reportError(cwd: string, error: LetterError, input?: string): NonNullable<LetterReport['error']> {
  const shown = ({ message, line, column, file }: Problem): ReportProblem => {
    const other = file !== undefined && (input === undefined || resolve(cwd, file) !== resolve(cwd, input))
    return { message, line, column, ...(other && { file: shownPath(resolve(cwd, file), cwd) }) }
  }
  const [first, ...rest] = error.problems.map(shown)
  return rest.length ? { ...first!, problems: [first!, ...rest] } : first!
}

const COLORS = { red: 31, green: 32, yellow: 33, dim: 2 } as const

/** Text in a terminal colour when `on`, else as it is. */
export function paint(color: keyof typeof COLORS, text: string, on = false): string {
  return on ? `\x1b[${COLORS[color]}m${text}\x1b[0m` : text
}

/** A message as remark prints it: `file:line:column severity message` (the severity coloured when `color`). */
export function formatMessage(
  file: string,
  severity: 'warning' | 'error',
  m: Pick<LetterMessage, 'message' | 'line' | 'column' | 'file'>,
  color = false,
): string {
  const place = m.line === null ? '' : `:${m.line}${m.column === null ? '' : `:${m.column}`}`
  return `${m.file ?? file}${place} ${paint(severity === 'error' ? 'red' : 'yellow', severity, color)} ${m.message}`
}

/** A failed letter's error as error lines, one a problem, each with its own file:line:column. */
export function formatError(file: string, error: NonNullable<LetterReport['error']>, color = false): string[] {
  return (error.problems ?? [error]).map((p) => formatMessage(file, 'error', p, color))
}

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`)

/** The line printed as a letter finishes: name, pages, size and time, or the failure. */
export function letterLine(r: LetterReport, color = false): string {
  const input = r.row === undefined ? r.input : `${r.input} (row ${r.row})`
  const output = r.txt === undefined ? r.output : `${r.output}, ${r.txt}`
  if (r.error) return `${paint('red', '✗', color)} ${input}  failed`
  if (r.status === 'unchanged') return `${paint('dim', '·', color)} ${input} → ${output}  ${paint('dim', 'unchanged', color)}`
  return `${paint('green', '✓', color)} ${input} → ${output}  ${paint('dim', `${r.pages} page${r.pages === 1 ? '' : 's'}, ${size(r.bytes)}, ${r.ms} ms`, color)}`
}

/** The closing summary: letters rendered (and unchanged) of all the run's inputs, warnings, which failed, and a stop by a signal. */
export function summary(report: Report, color = false, run: { total?: number; stopped?: string | null } = {}): string {
  const failed = report.letters.filter((l) => l.error)
  const warnings = report.letters.reduce((n, l) => n + l.warnings.length, 0)
  const unchanged = report.letters.filter((l) => l.status === 'unchanged').length
  const done = report.letters.length - failed.length - unchanged
  const total = run.total ?? report.letters.length
  const parts = [`${done} of ${total} letter${total === 1 ? '' : 's'} rendered${unchanged ? `, ${unchanged} unchanged` : ''}`]
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`)
  if (failed.length)
    parts.push(
      paint('red', `failed: ${failed.map((l) => (l.row === undefined ? l.input : `${l.input} (row ${l.row})`)).join(', ')}`, color),
    )
  if (run.stopped) parts.push(`stopped by ${run.stopped}`)
  return parts.join('; ')
}
