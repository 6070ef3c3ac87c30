#!/usr/bin/env node
// npm run bench: letterpress beside the floor (a plain react-pdf script, bench/floor.mjs), every target of
// issue 7 as a ratio measured side by side in this run. Prints a table; writes bench/results.json.
// Options: --runs N (cold runs, default 7), --letter FILE (default: the seed letter), --quick (fewer letters).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { benchLetter } from './letters.mjs'

const root = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, letter: { type: 'string' }, quick: { type: 'boolean', default: false } },
})
const seed = [values.letter, join(root, '../shared/letters/seed-cover-letter.md'), join(root, 'letters/research-engineer.md')].find(
  (p) => p && existsSync(p),
)
const runs = Number(values.runs)
const BIN = join(root, 'dist/bundle/main.js')
if (!existsSync(BIN)) throw new Error('dist/ is missing: run `npm ci` (or `npm run build`) first')
const work = mkdtempSync(join(tmpdir(), 'letterpress-bench-'))
// The bench's own cache folder (re-runs skip unchanged letters): removed with the rest of its files.
const env = { ...process.env, NODE_ENV: 'production', SOURCE_DATE_EPOCH: '1790000000', LETTERPRESS_CACHE_DIR: join(work, 'cache') }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const round = (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d

/** Run node with args; wall time in ms and peak RSS in MB (all threads). */
function node(args, { rss = false, cache, env: extra = {} } = {}) {
  const t = performance.now()
  const r = spawnSync(process.execPath, [...(rss ? ['--import', join(root, 'bench/rss.mjs')] : []), ...args], {
    cwd: work,
    env: { ...env, ...(cache ? { LETTERPRESS_CACHE_DIR: cache } : {}), ...extra },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
  const ms = performance.now() - t
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`)
  const kb = /BENCH_MAX_RSS_KB (\d+)/.exec(r.stderr)?.[1]
  return { ms, rssMB: kb ? round(Number(kb) / 1024) : null, stdout: r.stdout, status: r.status }
}
const json = (stdout) => JSON.parse(stdout.trim().split('\n').at(-1))
const log = (line) => process.stderr.write(`${line}\n`)

log(`letter: ${seed}\nmachine: ${cpus()[0]?.model ?? '?'} × ${availableParallelism()}, node ${process.version}`)
const results = { date: new Date().toISOString(), node: process.version, cores: availableParallelism(), letter: seed, measures: {} }
const rows = []
const row = (name, ours, floor, unit, target, met, note = '') => {
  rows.push({ name, ours, floor, unit, ratio: floor ? round(ours / floor, 2) : null, target, met, note })
}

// The floor with an embedded font (the Latin subset of the bundled serif): what embedding alone costs react-pdf.
const EMBEDDED = { FLOOR_FONT: join(root, 'fonts/bundled/noto-serif/NotoSerif-Regular-Latin.ttf') }

// Cold: separate processes, alternating floor and letterpress, median of `runs`.
log('cold runs…')
const cold = { floor: [], ours: [], first: [], floorEmbedded: [] }
for (let i = 0; i < runs; i++) {
  cold.floor.push(node([join(root, 'bench/floor.mjs'), seed, join(work, 'floor.pdf')]).ms)
  cold.floorEmbedded.push(node([join(root, 'bench/floor.mjs'), seed, join(work, 'floor-embedded.pdf')], { env: EMBEDDED }).ms)
  // --force: a cold run renders, although the letter is unchanged since the last one.
  cold.ours.push(node([BIN, seed, '--out', join(work, 'cold'), '--force']).ms)
  // A machine's first run: an empty cache folder, so the render worker compiles its code.
  cold.first.push(node([BIN, seed, '--out', join(work, 'cold'), '--force'], { cache: join(work, `first-${i}`) }).ms)
}
const coldFloor = median(cold.floor)
const coldOurs = median(cold.ours)
const coldRss = node([BIN, seed, '--out', join(work, 'cold'), '--force'], { rss: true }).rssMB
const floorRss = node([join(root, 'bench/floor.mjs'), seed, join(work, 'floor.pdf')], { rss: true }).rssMB
results.measures.cold = { floorMs: round(coldFloor), oursMs: round(coldOurs), runs, floorRssMB: floorRss, oursRssMB: coldRss, all: cold }
row('cold, one letter (bin)', round(coldOurs), round(coldFloor), 'ms', '≤ 0.6×', coldOurs <= 0.6 * coldFloor)
results.measures.cold.floorEmbeddedMs = round(median(cold.floorEmbedded))
row(
  'cold, floor with an embedded font',
  round(median(cold.floorEmbedded)),
  round(coldFloor),
  'ms',
  '',
  null,
  `letterpress is ${round(coldOurs / median(cold.floorEmbedded), 2)}× its time`,
)
const coldFirst = median(cold.first)
results.measures.cold.firstMs = round(coldFirst)
row(
  'cold, first run (no code cache yet)',
  round(coldFirst),
  round(coldFloor),
  'ms',
  '',
  null,
  'the first run on a machine compiles the render code',
)

// Peers installed on this machine (pandoc with WeasyPrint or pdflatex), the same letter, cold, same runs.
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
const peers = [
  ['pandoc + WeasyPrint', ['pandoc', 'weasyprint'], ['pandoc', seed, '-o', join(work, 'peer.pdf'), '--pdf-engine=weasyprint']],
  ['pandoc + pdflatex', ['pandoc', 'pdflatex'], ['pandoc', seed, '-o', join(work, 'peer.pdf'), '--pdf-engine=pdflatex']],
]
results.measures.peers = {}
for (const [label, tools, [command, ...args]] of peers) {
  if (!tools.every(has)) continue
  log(`peer: ${label}…`)
  const times = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const r = spawnSync(command, args, { cwd: work, encoding: 'utf8' })
    times.push(performance.now() - t)
    if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr.slice(-500)}`)
  }
  results.measures.peers[label] = { ms: round(median(times)), bytes: statSync(join(work, 'peer.pdf')).size }
  row(
    `peer: ${label}, cold`,
    round(median(times)),
    round(coldFloor),
    'ms',
    '',
    null,
    `letterpress is ${round(coldOurs / median(times), 2)}× its time`,
  )
}

// Output size of that letter.
// (The letter's own `output` template may name it: the one PDF in the folder.)
const [name] = readdirSync(join(work, 'cold')).filter((f) => f.endsWith('.pdf'))
const bytes = statSync(join(work, 'cold', name)).size
results.measures.size = { bytes, floorBytes: statSync(join(work, 'floor.pdf')).size }
row(
  'output size',
  round(bytes / 1024, 1),
  round(results.measures.size.floorBytes / 1024, 1),
  'KB',
  '≤ 30 KB',
  bytes <= 30 * 1024,
  'fonts embedded and subset, tagged, PDF/A-2a',
)

// Warm: one process each, median of 20 renders after 5, per page.
log('warm runs…')
const warmFloor = json(node([join(root, 'bench/warm.mjs'), 'floor', seed]).stdout)
const warmOurs = json(node([join(root, 'bench/warm.mjs'), 'ours', seed]).stdout)
results.measures.warm = {
  floorMsPerPage: round(warmFloor.ms / warmFloor.pages, 1),
  oursMsPerPage: round(warmOurs.ms / warmOurs.pages, 1),
  floor: warmFloor,
  ours: warmOurs,
}
row(
  'warm, per page',
  round(warmOurs.ms / warmOurs.pages, 1),
  round(warmFloor.ms / warmFloor.pages, 1),
  'ms',
  '≤ 1.0×',
  warmOurs.ms / warmOurs.pages <= warmFloor.ms / warmFloor.pages,
)

const warmEmbedded = json(node([join(root, 'bench/warm.mjs'), 'floor', seed], { env: EMBEDDED }).stdout)
results.measures.warm.floorEmbeddedMsPerPage = round(warmEmbedded.ms / warmEmbedded.pages, 1)
row(
  'warm, per page, floor with an embedded font',
  round(warmEmbedded.ms / warmEmbedded.pages, 1),
  round(warmFloor.ms / warmFloor.pages, 1),
  'ms',
  '',
  null,
  `letterpress is ${round(warmOurs.ms / warmOurs.pages / (warmEmbedded.ms / warmEmbedded.pages), 2)}× its time`,
)

// Fit: the letter on one page fewer, against a plain render of it (warm, medians).
log('fit runs…')
const fit = json(node([join(root, 'bench/warm.mjs'), 'fit', seed]).stdout)
results.measures.fit = fit
row(
  `--fit (${fit.pages} → ${fit.fittedPages} pages)`,
  round(fit.fit),
  round(fit.plain),
  'ms',
  '≤ 2× plain',
  fit.pages > 1 ? fit.fit <= 2 * fit.plain : null,
  fit.pages > 1 ? 'ratio is fit / plain render' : 'a one-page letter: nothing to fit (use --letter with a longer one)',
)

// Batch: 200 mixed letters in one CLI run, 1, 2 and all-core workers; against one cold single-letter run.
const count = values.quick ? 40 : 200
log(`batch of ${count}…`)
const batchDir = join(work, 'batch')
mkdirSync(join(batchDir, 'letters'), { recursive: true })
for (let i = 0; i < count; i++) writeFileSync(join(batchDir, 'letters', `l${String(i).padStart(4, '0')}.md`), benchLetter(i))
results.measures.batch = { letters: count, byJobs: {} }
// The default --jobs (one fewer than the cores) carries the targets.
const defaultJobs = Math.max(1, availableParallelism() - 1)
for (const jobs of [...new Set([1, 2, availableParallelism(), defaultJobs])].sort((a, b) => a - b)) {
  rmSync(join(batchDir, 'output'), { recursive: true, force: true })
  const r = node([BIN, join(batchDir, 'letters'), '--out', join(batchDir, 'output'), '--jobs', String(jobs), '--force'], { rss: true })
  if (r.status !== 0) throw new Error(`batch failed: ${r.stdout.slice(-500)}`)
  results.measures.batch.byJobs[jobs] = { ms: round(r.ms), rssMB: r.rssMB }
  const perCold = r.ms / coldOurs
  row(
    `batch ${count}, --jobs ${jobs}${jobs === defaultJobs ? ' (default)' : ''}`,
    round(r.ms),
    round(coldOurs),
    'ms',
    jobs === defaultJobs ? '≤ 8× one cold run' : '',
    jobs === defaultJobs ? perCold <= 8 * (count / 200) : null,
    `peak RSS ${r.rssMB} MB${jobs === defaultJobs ? (r.rssMB <= 250 ? ' (≤ 250: met)' : ' (target ≤ 250: NOT met)') : ''}`,
  )
}

// Re-run: the batch's folder again, nothing changed (every letter unchanged, no worker started), against one
// cold letter, interleaved.
log(`unchanged re-run of ${count}…`)
const rerun = { cold: [], ours: [] }
for (let i = 0; i < runs; i++) {
  rerun.cold.push(node([BIN, seed, '--out', join(work, 'cold'), '--force']).ms)
  const r = node([BIN, join(batchDir, 'letters'), '--out', join(batchDir, 'output')])
  if (!r.stdout.includes(`0 of ${count} letters rendered, ${count} unchanged`)) throw new Error(`re-run rendered: ${r.stdout.slice(-500)}`)
  rerun.ours.push(r.ms)
}
results.measures.rerun = { letters: count, oursMs: round(median(rerun.ours)), coldMs: round(median(rerun.cold)), all: rerun }
row(
  `re-run of ${count} unchanged letters`,
  round(median(rerun.ours)),
  round(median(rerun.cold)),
  'ms',
  '≤ 1.5× one cold run',
  median(rerun.ours) <= 1.5 * median(rerun.cold),
  'against one cold letter (floor column), interleaved',
)

// Memory over many letters in one process (what each worker does): heap after GC every tenth.
const many = values.quick ? 300 : 2000
log(`memory over ${many} letters…`)
const memory = json(node(['--expose-gc', join(root, 'bench/warm.mjs'), 'memory', '', String(many)]).stdout)
// From halfway: the glyph-run caches fill during the first letters, by design (bounded per font).
const first = memory.samples[Math.floor(memory.samples.length / 2) - 1]
const last = memory.samples.at(-1)
results.measures.memory = memory
row(
  `heap after ${first.letters} → ${last.letters} letters`,
  last.heapMB,
  first.heapMB,
  'MB',
  'flat (≤ +10%)',
  last.heapMB <= first.heapMB * 1.1,
  `RSS ${first.rssMB} → ${last.rssMB} MB`,
)

rmSync(work, { recursive: true, force: true })
results.rows = rows
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)

const table = [
  ['measure', 'letterpress', 'floor', 'unit', 'ratio', 'target', 'met', 'note'],
  ...rows.map((r) => [
    r.name,
    String(r.ours),
    String(r.floor ?? ''),
    r.unit,
    r.ratio === null ? '' : `${r.ratio}×`,
    r.target,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
    r.note,
  ]),
]
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)))
for (const r of table)
  console.log(
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  )
console.log('\nwritten: bench/results.json')
