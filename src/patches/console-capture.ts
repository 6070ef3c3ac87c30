// Libraries report some problems on the console (react-pdf's "Node of type VIEW can't wrap between pages…",
// pdf-lib's notes on what it skips in a damaged file); letterpress turns them into its own messages, and the
// command line keeps stdout for its report (--json).
import { expectTarget } from './target.js'

/** Console methods a library may report through. */
export type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug'

/** What `run` returned, and the lines it wrote through the captured methods (each call's arguments joined by a space). */
export interface Captured<T> {
  result: T
  lines: string[]
}

/** Run `run` with the console `methods` collecting lines instead of printing them; each is restored afterwards, also when `run` throws. */
export async function captureConsole<T>(methods: readonly ConsoleMethod[], run: () => T | Promise<T>): Promise<Captured<T>> {
  const saved = methods.map((name) => [name, console[name]] as const)
  for (const [name, method] of saved) expectTarget('node', typeof method === 'function', `console.${name} is not a function`)
  const lines: string[] = []
  const collect = (...args: unknown[]) => void lines.push(args.map(String).join(' '))
  for (const name of methods) console[name] = collect
  try {
    return { result: await run(), lines }
  } finally {
    for (const [name, method] of saved) console[name] = method
  }
}
