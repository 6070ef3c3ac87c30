#!/usr/bin/env node
import module from 'node:module'
import { join } from 'node:path'
import { cacheDir } from './cache-dir.js'

// Node 22.1+ keeps the compiled modules of this process between runs (the render worker keeps its own code).
const { enableCompileCache } = module as { enableCompileCache?: (dir: string) => unknown }
enableCompileCache?.(join(cacheDir(process.cwd(), process.env), 'compile'))
// React and react-pdf run their slower development builds unless told otherwise.
process.env.NODE_ENV ??= 'production'
// A reader that stops early (`letterpress | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}
const args = process.argv.slice(2)
// Loading the render stack is most of a cold run: start it in its worker while the rest of the CLI loads;
// unless the output folder has a manifest, and the letters may be unchanged: then a worker starts only for a render.
const renders = args[0] !== 'check' && !args.some((a) => /^(-h|--help|-v|--version)$/.test(a))
const skips = async () => args[0] !== 'preview' && (await import('./manifest.js')).mayBeUnchanged(args, process.cwd(), process.env)
if (renders && !(await skips())) (await import('./pool.js')).startEarly()
const { run } = await import('./run.js')
process.exitCode = await run(args)
