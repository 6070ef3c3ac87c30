// `letterpress preview` in a real headless Chromium (playwright-core with the system's chromium; .ci/run
// installs Debian's): the page shows the letter's pages, follows an edit, and shows errors with their lines.
import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, describe, expect, test } from 'vitest'
import { BIN, project, projectEnv } from '../helpers/cli.js'
import { solidPng } from '../helpers/pixels.js'

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p): p is string => Boolean(p && existsSync(p)),
)
const letter = (body: string) => `Dear Sam,\n\n${body}\n\nBest regards,\nKim Lee\n`
let browser: Browser | undefined

/** Start `letterpress preview` in dir; resolves once it printed its URL. */
async function startPreview(dir: string) {
  const server = spawn(process.execPath, [BIN, 'preview'], { cwd: dir, env: projectEnv(dir) })
  let stderr = ''
  server.stderr.on('data', (d) => (stderr += d))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${stderr}`)), 20_000)
    server.stderr.on('data', () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(stderr)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    })
  })
  return { server, url }
}

/** The one browser of this file, started on first use. */
const launch = async () => (browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }))

/** Stop the preview with Ctrl-C; it ends with 0. */
async function stop(server: ReturnType<typeof spawn>) {
  server.kill('SIGINT')
  const code = await new Promise<number | null>((resolve) => server.on('close', resolve))
  expect(code).toBe(0)
}

afterAll(async () => {
  await browser?.close()
})

// Without a browser on the machine the test says so and is skipped; .ci/run always has one.
describe.skipIf(!CHROMIUM)(`preview in a real browser (${CHROMIUM ?? 'no chromium found'})`, () => {
  test('shows the pages, follows an edit, shows an error with its line and keeps the last good pages', async () => {
    const dir = project({ 'letters/a.md': letter('The first version of this letter.') })
    const { server, url } = await startPreview(dir)
    try {
      const page = await (await launch()).newPage()
      await page.goto(url)
      await page.waitForSelector('body[data-version="1"]', { timeout: 20_000 })
      expect(await page.locator('#pages canvas').count()).toBe(1)
      expect(await page.locator('#pages .text').first().textContent()).toContain('The first version of this letter.')
      const before = await page
        .locator('#pages canvas')
        .first()
        .evaluate((c: HTMLCanvasElement) => c.toDataURL())

      // Save an edit: the page changes by itself.
      const saved = Date.now()
      writeFileSync(
        join(dir, 'letters/a.md'),
        letter(`The second version.\n\n${'A longer paragraph that fills the page. '.repeat(60)}\n\n${'More. '.repeat(300)}`),
      )
      await page.waitForSelector('body[data-version="2"]', { timeout: 10_000 })
      console.log(`preview: page updated ${Date.now() - saved} ms after the save`)
      expect(await page.locator('#pages .text').first().textContent()).toContain('The second version.')
      expect(await page.locator('#pages canvas').count()).toBe(2)
      expect(
        await page
          .locator('#pages canvas')
          .first()
          .evaluate((c: HTMLCanvasElement) => c.toDataURL()),
      ).not.toBe(before)

      // A broken edit: the error with its line beside the last good pages.
      writeFileSync(join(dir, 'letters/a.md'), `---\nfrom: [unclosed\n---\n\n${letter('x')}`)
      await page.waitForSelector('body[data-version="3"][data-ok="false"]', { timeout: 10_000 })
      expect(await page.locator('#messages .error').textContent()).toMatch(/letters\/a\.md:\d+:\d+ error invalid YAML front matter/)
      expect(await page.locator('#pages canvas').count()).toBe(2)
      expect(await page.locator('#status').textContent()).toContain('last good pages')
    } finally {
      await stop(server)
    }
  }, 90_000)

  test('an image and the signature changed on disk are drawn with their new pixels', async () => {
    // The signature is named by the project config and lies beside it, outside the letter's folder.
    const dir = project({ 'letterpress.config.yaml': 'signature: sig.png\n', 'letters/a.md': letter('![dot](dot.png)') })
    writeFileSync(join(dir, 'letters/dot.png'), solidPng([255, 0, 0]))
    writeFileSync(join(dir, 'sig.png'), solidPng([255, 0, 0]))
    const { server, url } = await startPreview(dir)
    try {
      const page = await (await launch()).newPage()
      await page.goto(url)
      await page.waitForSelector('body[data-version="1"]', { timeout: 20_000 })
      const red = await canvasPixels(page, [255, 0, 0])
      expect(red).toBeGreaterThan(1000)
      // The signature alone: drawn anew, the image stays red.
      writeFileSync(join(dir, 'sig.png'), solidPng([0, 0, 255]))
      await page.waitForSelector('body[data-version="2"]', { timeout: 10_000 })
      expect(await canvasPixels(page, [0, 0, 255])).toBeGreaterThan(500)
      expect(await canvasPixels(page, [255, 0, 0])).toBeGreaterThan(500)
      // Then the image: nothing red is left.
      writeFileSync(join(dir, 'letters/dot.png'), solidPng([0, 0, 255]))
      await page.waitForSelector('body[data-version="3"]', { timeout: 10_000 })
      expect(await canvasPixels(page, [255, 0, 0])).toBe(0)
      expect(await canvasPixels(page, [0, 0, 255])).toBeGreaterThan(red * 0.9)
    } finally {
      await stop(server)
    }
  }, 90_000)
})

/** How many pixels of the page's canvases are near `rgb` (what the person looking at the preview sees). */
function canvasPixels(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate((rgb) => {
    let count = 0
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('#pages canvas')) {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - rgb[0]) <= 24 && Math.abs(data[i + 1]! - rgb[1]) <= 24 && Math.abs(data[i + 2]! - rgb[2]) <= 24) count++
      }
    }
    return count
  }, rgb)
}

describe('preview usage', () => {
  test('a bad --port or two letters is bad usage (exit 2) with a message', async () => {
    const { letterpress } = await import('../helpers/cli.js')
    const dir = project({ 'letters/a.md': letter('x'), 'letters/b.md': letter('y') })
    const port = letterpress(dir, ['preview', '--port', 'high'])
    expect(port.code).toBe(2)
    expect(port.stderr).toContain('--port must be a port number')
    const two = letterpress(dir, ['preview', 'letters/a.md', 'letters/b.md'])
    expect(two.code).toBe(2)
    expect(two.stderr).toContain('one letter at a time')
    const help = letterpress(dir, ['preview', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: letterpress preview')
  })
})

describe('preview start-up', () => {
  test('a port in use is bad usage and the process ends (nothing left running)', async () => {
    const { createServer } = await import('node:http')
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const port = String((busy.address() as { port: number }).port)
    const { letterpress } = await import('../helpers/cli.js')
    const r = letterpress(project({ 'letters/a.md': letter('x') }), ['preview', '--port', port])
    busy.close()
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`port ${port} is in use`)
  })
})
