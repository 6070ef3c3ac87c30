#!/usr/bin/env node
// React and react-pdf run their slower development builds unless told otherwise.
process.env.NODE_ENV ??= 'production'
// A reader that stops early (`letterpress | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}
const { run } = await import('./run.js')
process.exitCode = await run(process.argv.slice(2))
