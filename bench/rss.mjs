// Loaded with --import: prints the process's peak resident memory (all threads) as it exits.
import { writeSync } from 'node:fs'
process.on('exit', () => writeSync(2, `\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`))
