// The GitHub workflow in .github/workflows/letters.yml: its steps run here as CI would run them (after
// `npm ci`, which the test run already stands on), so a renamed script or flag breaks this test, not CI.
import { execSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { projectEnv } from '../helpers/cli.js'

const root = resolve(import.meta.dirname, '../..')
type Step = { run?: string; uses?: string; with?: Record<string, unknown>; if?: string }
const workflow = parse(readFileSync(join(root, '.github/workflows/letters.yml'), 'utf8')) as {
  on: Record<string, unknown>
  jobs: Record<string, { steps: Step[] }>
}
const steps = workflow.jobs.pdf!.steps

describe('the letters workflow', () => {
  test('installs with npm ci, renders, checks, and uploads output/ even when a step failed', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']))
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []))
    expect(runs[0]).toBe('npm ci')
    expect(runs.some((r) => r.includes('npm run --silent pdf') && r.includes('--check'))).toBe(true)
    expect(runs.some((r) => r.startsWith('npm run check'))).toBe(true)
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!
    expect(upload.if).toBe('always()')
    expect(String(upload.with?.path)).toContain('output/')
    // The Node it sets up is one the package supports.
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with?.['node-version']
    const engines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node
    expect(Number(node)).toBeGreaterThanOrEqual(Number(/\d+/.exec(engines)![0]))
  })

  test('its run steps after npm ci work: every letter rendered and checked, a valid JSON report', () => {
    // A copy of the project's letters and scripts, with this checkout's installed node_modules and build.
    const dir = mkdtempSync(join(tmpdir(), 'letterpress-workflow-'))
    for (const entry of ['package.json', 'letters', 'fonts', 'dist']) cpSync(join(root, entry), join(dir, entry), { recursive: true })
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
    for (const { run } of steps.slice(steps.findIndex((s) => s.run === 'npm ci') + 1)) {
      if (run) execSync(run, { cwd: dir, env: projectEnv(dir), stdio: 'pipe', shell: '/bin/bash' })
    }
    const report = JSON.parse(readFileSync(join(dir, 'letterpress-report.json'), 'utf8')) as { ok: boolean; letters: { output: string }[] }
    expect(report.ok).toBe(true)
    const letters = readdirSync(join(root, 'letters')).filter((f) => f.endsWith('.md'))
    expect(report.letters).toHaveLength(letters.length)
    for (const { output } of report.letters) expect(existsSync(join(dir, output))).toBe(true)
  })
})
