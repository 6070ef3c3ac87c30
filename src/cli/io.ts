// Where the command line prints and what it knows of its surroundings: one shape for every subcommand.

/** Where the CLI prints: stdout for results, stderr for messages. */
export interface Io {
  out: (line: string) => void
  err: (line: string) => void
  cwd: string
  env: NodeJS.ProcessEnv
  /** Whether stdout / stderr are terminals: colours and the progress line are for people, not for pipes. */
  outTty?: boolean
  errTty?: boolean
  /** Replace the progress line on stderr ('' clears it). */
  progress?: (text: string) => void
}

/** The process's own terminal: stdout, stderr, the working folder and the environment. */
export const terminalIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
  outTty: process.stdout.isTTY,
  errTty: process.stderr.isTTY,
  progress: (text) => process.stderr.write(`\r\x1b[2K${text}`),
}
