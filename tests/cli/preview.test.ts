// `letterpress preview` without a browser: what it renders again (its stdout lines) and what it tells the page
// (its event stream). The page itself is tested in a real browser in tests/e2e/preview.test.ts.
import type { ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { project, spawnLetterpress } from '../helpers/cli.js'

const letter = (body: string) => `Dear Sam,\n\n${body}\n\nBest regards,\nKim Lee\n`
let child: ChildProcess | undefined

afterEach(() => {
  child?.kill('SIGKILL')
  child = undefined
})

/** Start `letterpress preview` in dir; lets the test wait for its output. */
function startPreview(dir: string) {
  const { proc, out, err, until, exit } = spawnLetterpress(dir, ['preview'])
  child = proc
  const renders = () =>
    out()
      .split('\n')
      .filter((line) => line.startsWith('✓ ') || line.startsWith('✗ '))
  const url = () => /http:\/\/127\.0\.0\.1:\d+\//.exec(err())?.[0]
  /** Wait for the first render, then a moment: chokidar finishes its folder watches just after 'ready'. */
  const ready = async () => {
    await until(() => renders().length === 1 && Boolean(url()), 'the first render')
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  return { proc, renders, until, exit, ready, url }
}

describe('preview', () => {
  test("an editor's temporary files beside the letter do not render it again; saving the letter does", async () => {
    const dir = project({ 'letters/a.md': letter('First version.') })
    const p = startPreview(dir)
    await p.ready()
    expect(p.renders()).toEqual([expect.stringMatching(/^✓ letters\/a\.md {2}1 page, \d+ ms$/)])
    // What vim, Emacs and JetBrains editors write while a letter is edited.
    for (const name of ['.a.md.swo', '4913', '#a.md#', '.#a.md', 'a.md___jb_tmp___']) writeFileSync(join(dir, 'letters', name), 'scratch')
    await new Promise((resolve) => setTimeout(resolve, 500))
    writeFileSync(
      join(dir, 'letters/a.md'),
      letter(`Second version.\n\n${'A longer paragraph that fills the page. '.repeat(60)}\n\n${'More. '.repeat(300)}`),
    )
    await p.until(() => p.renders().some((line) => line.includes('2 pages')), 'the saved letter rendered')
    expect(p.renders()).toEqual([expect.stringContaining('1 page,'), expect.stringContaining('2 pages,')])
    p.proc.kill('SIGINT')
    expect(await p.exit).toBe(0)
  }, 60_000)

  test('a warning of the project config names the config as the render command does: relative to the working folder', async () => {
    const dir = project({ 'letterpress.config.yaml': 'form: Kim Lee\n', 'letters/a.md': letter('Hello.') })
    const p = startPreview(dir)
    await p.ready()
    const events = await fetch(`${p.url()}events`)
    const reader = events.body!.getReader()
    let text = ''
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value)
    await reader.cancel()
    const state = JSON.parse(/^data: (.*)$/m.exec(text)![1]!) as {
      messages: { severity: string; text: string; line: number | null; column: number | null }[]
    }
    expect(state.messages).toEqual([
      {
        severity: 'warning',
        text: 'letterpress.config.yaml:1:1 warning unknown field "form"; did you mean "from"?',
        line: null,
        column: null,
      },
    ])
    p.proc.kill('SIGINT')
    expect(await p.exit).toBe(0)
  }, 60_000)
})
