/** One problem in a letter or a file it names, with its place (1-based; null when unknown). */
export interface Problem {
  message: string
  line: number | null
  column: number | null
  /** The file the problem is in, when it is not the letter itself (a config or theme file). */
  file?: string
}

/**
 * An error that stops one letter, with its place in the source (1-based; null when unknown). When one pass
 * finds several problems (every schema problem of a file, as compilers report them), the error is the first
 * and `more` holds the rest; `problems` lists them all.
 */
export class LetterError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
    readonly file?: string,
    readonly more: readonly Problem[] = [],
  ) {
    super(message)
    this.name = 'LetterError'
  }

  /** Every problem this error stands for, the first one first; each names its file. */
  get problems(): Problem[] {
    const first = { message: this.message, line: this.line, column: this.column, file: this.file }
    return [first, ...this.more.map((p) => ({ ...p, file: p.file ?? this.file }))]
  }
}

/**
 * One LetterError for problems found in one pass: each problem once, each file's in the order of their places
 * (problems must not be empty).
 */
export function problemsError(problems: readonly Problem[]): LetterError {
  const seen = new Set<string>()
  const files: (string | undefined)[] = []
  const unique = problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    if (!files.includes(p.file)) files.push(p.file)
    return true
  })
  const place = (p: Problem) => [p.line ?? 0, p.column ?? 0] as const
  const sorted = unique.sort(
    (a, b) => files.indexOf(a.file) - files.indexOf(b.file) || place(a)[0] - place(b)[0] || place(a)[1] - place(b)[1],
  )
  const [first, ...more] = sorted
  return new LetterError(first!.message, first!.line, first!.column, first!.file, more)
}

/** The text of anything thrown: an Error's message, else the value as a string. */
export function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error)
}

/** A thrown value as a LetterError: a LetterError as it is, anything else with its text after `prefix`. */
export function asLetterError(error: unknown, prefix = ''): LetterError {
  return error instanceof LetterError ? error : new LetterError(`${prefix}${errorText(error)}`)
}
