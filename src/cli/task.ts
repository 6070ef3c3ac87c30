import type { DataRow } from './data.js'
import type { Input } from './inputs.js'

/** One render: a letter, and for mail merge one data row. */
export type Task = Input & { row?: DataRow }
