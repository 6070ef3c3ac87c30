import { extname } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { LetterError } from '../parse/errors.js'
import { parseYaml } from '../parse/yaml.js'
import { READ_LIMITS, readFileSafely } from '../util/read-file.js'

/** One row of mail-merge data: its values and its 1-based number. */
export interface DataRow {
  values: Record<string, unknown>
  index: number
}

/** A problem in a CSV's header line (line 1). */
const fail = (message: string): never => {
  throw Object.assign(new Error(message), { lines: 1 })
}

const isRow = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** Read --data rows from a .csv (header row names the columns), .json or .yaml/.yml list of mappings. */
export function readRows(path: string, shown = path): DataRow[] {
  // The user's own file (named on the command line): anywhere, but a regular file within the size limit.
  const read = readFileSafely(path, { what: 'data file', limit: READ_LIMITS.data })
  if ('problem' in read) throw new LetterError(read.problem, null, null, shown)
  const text = read.data.toString('utf8')
  const type = extname(path).toLowerCase()
  let rows: unknown
  if (type === '.csv') {
    try {
      // Each header name once: with a repeated name, a row could keep only one of its cells.
      const header = (names: string[]) =>
        names.map((name, i) => (names.indexOf(name) === i ? name : fail(`column "${name}" appears twice in the header line`)))
      rows = parseCsv(text, { columns: header, bom: true, trim: true, skip_empty_lines: true })
    } catch (error) {
      const e = error as Error & { lines?: number }
      throw new LetterError(`invalid CSV: ${e.message.replace(/^Invalid Record Length: /, '')}`, e.lines ?? null, null, shown)
    }
  } else if (type === '.json') {
    try {
      rows = JSON.parse(text.replace(/^\uFEFF/, '')) // why: JSON.parse rejects the byte-order mark editors on Windows write
    } catch (error) {
      throw new LetterError(`invalid JSON: ${(error as Error).message}`, null, null, shown)
    }
  } else if (type === '.yaml' || type === '.yml') {
    rows = parseYaml(text, shown, 1, 'data').value
  } else {
    throw new LetterError('data file must be .csv, .json, .yaml or .yml', null, null, shown)
  }
  if (!Array.isArray(rows))
    throw new LetterError('data must be a list of rows (a CSV with a header line, or a JSON/YAML list of mappings)', null, null, shown)
  // No rows is bad input, as an empty input folder is: a run that renders nothing must not look as if it worked.
  if (!rows.length) throw new LetterError('data file has no rows', null, null, shown)
  return rows.map((values, i) => {
    if (!isRow(values)) throw new LetterError(`row ${i + 1} is not a mapping of column names to values`, null, null, shown)
    return { values, index: i + 1 }
  })
}
