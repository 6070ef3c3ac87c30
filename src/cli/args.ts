import { parseArgs, type ParseArgsConfig } from 'node:util'

/** Parsed command line. */
export interface CliOptions {
  inputs: string[]
  out: string
  theme?: string
  paper?: 'A4' | 'Letter'
  maxPages?: number
  fit?: boolean
  pdfa?: boolean
  check: boolean
  /** Also write each letter as plain text beside its PDF (NAME.txt). */
  txt: boolean
  /** Columns that text is wrapped at (0: one line per paragraph); default 72. */
  txtWrap?: number
  allowPaths: string[]
  /** Files (PDFs, Markdown) appended to every letter, after its own `attach` (as given; relative to the cwd). */
  attach: string[]
  timeout: number
  /** Letters rendered at once (worker threads); default: the machine's cores. */
  jobs?: number
  /** Render again whenever a letter or what it uses changes, until Ctrl-C. */
  watch: boolean
  /** Mail merge: a .csv/.json/.yaml file of rows; each letter renders once per row. */
  data?: string
  /** Render only this share of the inputs: [k, n] for --shard k/n. */
  shard?: [number, number]
  /** Render every letter, also those whose inputs did not change since their last render. */
  force: boolean
  verbose: boolean
  json: boolean
  help: boolean
  version: boolean
}

/** The output folder when --out is not given. */
export const DEFAULT_OUT = 'output'

/** A command line that cannot be run: exit code 2. */
export class UsageError extends Error {}

/** The help text. */
export const HELP = `letterpress — Markdown letters in, print-ready PDFs out

Usage: letterpress [inputs…] [options]
       letterpress check FILE.pdf [--source FILE.md] [--json]   (see letterpress check --help)
       letterpress preview [LETTER.md] [--port N]                (see letterpress preview --help)

  inputs               .md files or JSON Resume .json files, folders (searched for .md files) or globs
                       (of .md files; of .json files when the glob ends in .json) (default: letters/)

Options:
  -o, --out DIR        output folder (default: output/)
      --theme NAME     classic, modern, din5008, or a theme file (.yaml/.json) to use for every letter
      --paper SIZE     A4 or Letter (default: front matter, else Letter for en-US/en-CA, else A4)
      --max-pages N    fail a letter that runs longer than N pages
      --fit            shrink a longer letter to --max-pages / max-pages: spacing first, then leading,
                       then type size and margins, within the theme's bounds (without a page limit
                       it only warns)
      --no-pdfa        do not claim PDF/A (PDF/A-2a by default; pdfa: false in front matter)
      --check          read each PDF back against its letter (as \`letterpress check\`) before it is
                       written; a failure fails the letter and leaves any earlier PDF as it was
      --txt            also write each letter as plain text, NAME.txt beside its PDF, for web forms
                       and e-mail bodies (txt: true in front matter or the config does the same)
      --txt-wrap N     wrap that text at N columns (default 72; 0: one line per paragraph)
      --allow-path DIR files a letter names (images, signature, theme, attachments) may also be read
                       from DIR (by default only from the letter's folder and the project config's
                       folder); repeatable
      --attach FILE    append FILE to each letter's PDF, after those its front matter attaches
                       (attach: [cv.pdf, cv.md, resume.json]): a PDF's pages, or a Markdown file or
                       JSON Resume rendered in the letter's look; repeatable
      --timeout SECONDS stop a letter that takes longer to render or check (default 60, at most
                       2147483); the batch goes on
  -d, --data FILE      mail merge: render each letter once per row of FILE (.csv with a header line,
                       .json or .yaml list); {{column}} and {{field}} placeholders are filled from it
  -w, --watch          render again when a letter, its images, the config, a theme or fonts change
  -j, --jobs N         render N letters at once in worker threads (default: one fewer than the cores)
      --shard K/N      render only the K-th of N stable shares of the inputs (for CI matrices)
      --force          render every letter, also those unchanged since their last render (a letter
                       whose inputs, options and PDF are as they were is otherwise not rendered again)
      --verbose        print stack traces of unexpected errors
      --json           print one JSON report on stdout and nothing else there
  -h, --help           show this help
  -v, --version        show the version

Project defaults come from letterpress.config.yaml (or the "letterpress" key in package.json);
each letter's front matter overrides them, and these options override both.
SOURCE_DATE_EPOCH fixes "today" and the PDF dates, for reproducible builds.

Exit codes: 0 all letters rendered · 1 at least one letter failed (the others are still written) · 2 bad usage`

/** The time limit a job gets unless --timeout says otherwise, in seconds. */
export const DEFAULT_TIMEOUT_S = 60

/** The longest --timeout: a Node timer holds at most 2^31 − 1 ms (about 24.8 days); longer ones fire at once. */
export const MAX_TIMEOUT_S = Math.floor((2 ** 31 - 1) / 1000)

/** --timeout: seconds from 0.001 (a timer's 1 ms) to MAX_TIMEOUT_S; anything else is bad usage. */
export function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_S
  const seconds = Number(value)
  if (!(seconds >= 0.001 && seconds <= MAX_TIMEOUT_S)) {
    throw new UsageError(
      `--timeout must be a number of seconds from 0.001 to ${MAX_TIMEOUT_S} (about 24 days, the longest a timer holds), not "${value}"`,
    )
  }
  return seconds
}

/** --jobs: a whole number of 1 or more. */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const jobs = Number(value)
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of 1 or more, not "${value}"`)
  return jobs
}

/** --txt-wrap: a whole number of columns, 0 for none. */
function parseTxtWrap(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const columns = Number(value)
  if (value.trim() === '' || !Number.isInteger(columns) || columns < 0)
    throw new UsageError(`--txt-wrap must be a whole number of columns (0 for no wrapping), not "${value}"`)
  return columns
}

/** --shard K/N with 1 ≤ K ≤ N. */
function parseShard(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  const [k, n] = match ? [Number(match[1]), Number(match[2])] : [0, 0]
  if (!match || n < 1 || k < 1 || k > n) throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N (such as 2/4), not "${value}"`)
  return [k, n]
}

type Options = NonNullable<ParseArgsConfig['options']>
type Strict<T extends Options> = { args: string[]; options: T; allowPositionals: true; strict: true }

/** Strict `parseArgs` with positionals; its errors become UsageErrors (without Node's hint about "--"). */
export function strictArgs<const T extends Options>(args: string[], options: T): ReturnType<typeof parseArgs<Strict<T>>> {
  try {
    return parseArgs<Strict<T>>({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''))
  }
}

/** Parse argv (without node and script); bad usage throws UsageError. */
export function parseCli(argv: string[]): CliOptions {
  const parsed = strictArgs(argv, {
    out: { type: 'string', short: 'o' },
    theme: { type: 'string' },
    paper: { type: 'string' },
    'max-pages': { type: 'string' },
    fit: { type: 'boolean' },
    'no-pdfa': { type: 'boolean' },
    check: { type: 'boolean', default: false },
    txt: { type: 'boolean', default: false },
    'txt-wrap': { type: 'string' },
    'allow-path': { type: 'string', multiple: true, default: [] },
    attach: { type: 'string', multiple: true, default: [] },
    verbose: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    data: { type: 'string', short: 'd' },
    watch: { type: 'boolean', short: 'w', default: false },
    shard: { type: 'string' },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', short: 'v', default: false },
  })
  const { values, positionals } = parsed
  let paper: CliOptions['paper']
  if (values.paper !== undefined) {
    const match = ['A4', 'Letter'].find((p) => p.toLowerCase() === values.paper!.toLowerCase())
    if (!match) throw new UsageError(`--paper must be A4 or Letter, not "${values.paper}"`)
    paper = match as CliOptions['paper']
  }
  let maxPages: number | undefined
  if (values['max-pages'] !== undefined) {
    maxPages = Number(values['max-pages'])
    if (!Number.isInteger(maxPages) || maxPages < 1)
      throw new UsageError(`--max-pages must be a whole number of 1 or more, not "${values['max-pages']}"`)
  }
  return {
    inputs: positionals.length ? positionals : ['letters'],
    out: values.out ?? DEFAULT_OUT,
    theme: values.theme,
    paper,
    maxPages,
    fit: values.fit,
    pdfa: values['no-pdfa'] ? false : undefined,
    check: values.check,
    txt: values.txt,
    txtWrap: parseTxtWrap(values['txt-wrap']),
    allowPaths: values['allow-path'],
    attach: values.attach,
    timeout: parseTimeout(values.timeout),
    jobs: parseJobs(values.jobs),
    data: values.data,
    watch: values.watch,
    shard: parseShard(values.shard),
    force: values.force,
    verbose: values.verbose,
    json: values.json,
    help: values.help,
    version: values.version,
  }
}
