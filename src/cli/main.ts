#!/usr/bin/env node
// React and react-pdf run their slower development builds unless told otherwise.
process.env.NODE_ENV ??= 'production'
const { run } = await import('./run.js')
process.exitCode = await run(process.argv.slice(2))
