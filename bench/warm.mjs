// Warm measurements in one process: `node bench/warm.mjs floor|ours|fit|memory|gc LETTER [N]`; prints one JSON line.
import { readFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'
import { benchLetter } from './letters.mjs'

process.env.NODE_ENV ??= 'production'
const [mode, letterPath, count] = process.argv.slice(2)
const markdown = letterPath ? readFileSync(letterPath, 'utf8') : ''
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const time = async (fn, runs) => {
  const times = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return median(times)
}
const out = (value) => console.log(JSON.stringify(value))

if (mode === 'floor') {
  const { floorDocument, renderFloor } = await import('./floor.mjs')
  const doc = floorDocument(markdown)
  let pages = 0
  for (let i = 0; i < 5; i++) pages = (await renderFloor(doc)).pages
  out({ ms: await time(() => renderFloor(doc), 20), pages })
} else {
  const { renderLetter } = await import('../dist/index.js')
  const options = { path: letterPath, sourceDateEpoch: 1_790_000_000 }
  if (mode === 'ours') {
    let pages = 0
    for (let i = 0; i < 5; i++) pages = (await renderLetter(markdown, options)).pages
    out({ ms: await time(() => renderLetter(markdown, options), 20), pages })
  } else if (mode === 'fit') {
    // The letter on one page fewer than it takes, against the same letter rendered as it is.
    const { pages } = await renderLetter(markdown, options)
    const fitted = { ...options, maxPages: Math.max(1, pages - 1), fit: true }
    for (let i = 0; i < 3; i++) await renderLetter(markdown, fitted)
    const plain = await time(() => renderLetter(markdown, options), 9)
    const fit = await time(() => renderLetter(markdown, fitted), 9)
    out({ plain, fit, pages, fittedPages: (await renderLetter(markdown, fitted)).pages })
  } else if (mode === 'gc') {
    // CPU time and garbage-collection pauses per render (N different letters, or LETTER again): on a busy
    // machine these move far less than wall time, so they compare heap settings and allocation changes.
    const n = Number(count ?? 30)
    const letter = (i) => (letterPath ? markdown : benchLetter(i))
    for (let i = 0; i < 6; i++) await renderLetter(letter(i), { path: `l${i}.md`, sourceDateEpoch: 1_790_000_000 })
    let gcMs = 0
    let collections = 0
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        gcMs += entry.duration
        collections++
      }
    })
    observer.observe({ entryTypes: ['gc'] })
    const cpu = process.cpuUsage()
    const start = performance.now()
    for (let i = 6; i < 6 + n; i++) await renderLetter(letter(i), { path: `l${i}.md`, sourceDateEpoch: 1_790_000_000 })
    const { user, system } = process.cpuUsage(cpu)
    const ms = performance.now() - start
    // The observer reports the last collections on a later turn.
    await new Promise((resolve) => setTimeout(resolve, 10))
    observer.disconnect()
    const per = (x) => +(x / n).toFixed(1)
    out({ ms: per(ms), cpuMs: per((user + system) / 1000), gcMs: per(gcMs), collections })
  } else if (mode === 'memory') {
    // Heap after a full collection, every tenth of the way through N different letters.
    const n = Number(count ?? 2000)
    const samples = []
    for (let i = 0; i < n; i++) {
      await renderLetter(benchLetter(i), { path: `l${i}.md`, sourceDateEpoch: 1_790_000_000 })
      if ((i + 1) % Math.ceil(n / 10) === 0) {
        globalThis.gc?.()
        samples.push({
          letters: i + 1,
          heapMB: +(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1),
          rssMB: +(process.memoryUsage().rss / 2 ** 20).toFixed(1),
        })
      }
    }
    out({ samples })
  }
}
