/**
 * Run `work` with console.log and console.warn collected into `notes`: pdf-lib reports there what it skips in
 * a damaged file, and the command line keeps stdout for its report (--json).
 */
export async function quietly<T>(notes: string[], work: () => T | Promise<T>): Promise<T> {
  const { log, warn } = console
  console.log = console.warn = (...args: unknown[]) => void notes.push(args.map(String).join(' '))
  try {
    return await work()
  } finally {
    console.log = log
    console.warn = warn
  }
}
