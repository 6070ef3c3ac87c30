import type { DataRow } from './data.js'
import type { Input } from './inputs.js'

/** One render: a letter, and for mail merge one data row. */
export type Task = Input & { row?: DataRow }

/** A task as the user reads it: the letter, and its data row when there is one. */
export function taskLabel({ path, row }: Task): string {
  return row ? `${path} (row ${row.index})` : path
}
