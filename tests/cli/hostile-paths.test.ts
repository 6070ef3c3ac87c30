// Hostile paths: every file a letter names (theme, image, signature, attachment) and every file the run reads
// (letters, --data, the project config) goes through one read rule: confined where a letter names it, a regular
// file checked before it is opened, within a size limit. A folder search never leaves its folder.
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { BIN, filesIn, letterpress, project, projectEnv } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const GOOD = 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n'
const SECRET = 'SECRET_TOKEN:\n  AWS_KEY: abc123\n'
const pdfsIn = (dir: string) => filesIn(dir, '.pdf')
const mkfifo = (path: string) => execFileSync('mkfifo', [path])
const fonts = async (file: string) => (await readPdf(readFileSync(file))).fonts.map((f) => f.name).join(' ')

/** A run that hangs or grows without bound is stopped: after this long, or past this much memory (at most three runs a test, within its 60 s). */
const GUARD_MS = 15_000
const GUARD_RSS_KB = 2 * 1024 * 1024

/**
 * Run the built CLI with its stdin left open (so a read of /dev/stdin would wait for ever), stopping it if it
 * has not finished within GUARD_MS or its memory passes GUARD_RSS_KB; `stopped` says why it was stopped.
 */
function guarded(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; stopped: string | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: projectEnv(cwd), stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let stopped: string | null = null
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const stop = (why: string) => {
      stopped ??= why
      child.kill('SIGKILL')
    }
    const timer = setTimeout(() => stop(`still running after ${GUARD_MS / 1000} s`), GUARD_MS)
    // Worker threads share the process, so its resident set covers them (Linux; elsewhere the time guard only).
    const watch = setInterval(() => {
      try {
        const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0)
        if (rss > GUARD_RSS_KB) stop(`resident memory passed ${GUARD_RSS_KB / 1024 / 1024} GB`)
      } catch {
        // Not Linux, or the process has just ended.
      }
    }, 100)
    child.on('close', (code) => {
      clearTimeout(timer)
      clearInterval(watch)
      child.stdin.destroy()
      resolve({ code, stdout, stderr, stopped })
    })
  })
}

describe('theme files a letter names are confined like its images', () => {
  test('theme: ../secret.yaml, /etc/passwd and a link out are refused unread: exit 1, with the line, nothing of the file shown', () => {
    const dir = project({
      'secret.yaml': SECRET,
      'letters/a.md': `---\ntheme: ../secret.yaml\n---\n\n${GOOD}`,
      'letters/b.md': `---\ntheme: /etc/passwd\n---\n\n${GOOD}`,
      'letters/c.md': `---\ntheme: link.yaml\n---\n\n${GOOD}`,
      'letters/d-good.md': GOOD,
    })
    symlinkSync(join(dir, 'secret.yaml'), join(dir, 'letters/link.yaml'))
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    const outside = "is outside the letter's folder and was not read (--allow-path DIR allows a folder)"
    expect(r.stderr).toContain(`letters/a.md:2:8 error theme file "../secret.yaml" ${outside}`)
    expect(r.stderr).toContain(`letters/b.md:2:8 error theme file "/etc/passwd" ${outside}`)
    expect(r.stderr).toContain(`letters/c.md:2:8 error theme file "link.yaml" ${outside}`)
    expect(r.stderr + r.stdout).not.toMatch(/SECRET_TOKEN|AWS_KEY|root:/)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['d-good.pdf'])
  })

  test("--theme is the user's own: a theme file outside the letters folder and the project works", async () => {
    const elsewhere = project({ 'mine.yaml': 'extends: modern\n' })
    const dir = project({ 'letters/a.md': GOOD })
    const r = letterpress(dir, ['--theme', join(elsewhere, 'mine.yaml')])
    expect(r.code, r.stderr).toBe(0)
    expect(await fonts(join(dir, 'output/a.pdf'))).toMatch(/NotoSans-Regular/)
  })

  test("a theme named in the project config may lie in the config's folder, not outside it", async () => {
    const root = project({
      'outside.yaml': SECRET,
      'proj/letterpress.config.yaml': 'theme: themes/mine.yaml\n',
      'proj/themes/mine.yaml': 'extends: modern\n',
      'proj/letters/a.md': GOOD,
    })
    const dir = join(root, 'proj')
    const inside = letterpress(dir, [])
    expect(inside.code, inside.stderr).toBe(0)
    expect(await fonts(join(dir, 'output/a.pdf'))).toMatch(/NotoSans-Regular/)
    writeFileSync(join(dir, 'letterpress.config.yaml'), 'theme: ../outside.yaml\n')
    const out = letterpress(dir, [])
    // A broken project config is bad usage, found before anything renders.
    expect(out.code).toBe(2)
    expect(out.stderr).toContain(`theme file "${join(root, 'outside.yaml')}" is outside the letter's folder and was not read`)
    expect(out.stderr).not.toContain('SECRET_TOKEN')
  })

  test('theme: /dev/zero, /dev/stdin and a FIFO fail at once with a clear message, and the run ends', async () => {
    const dir = project({
      'letters/a-zero.md': `---\ntheme: /dev/zero\n---\n\n${GOOD}`,
      'letters/b-stdin.md': `---\ntheme: /dev/stdin\n---\n\n${GOOD}`,
      'letters/c-fifo.md': `---\ntheme: pipe.yaml\n---\n\n${GOOD}`,
      'letters/d-good.md': GOOD,
    })
    mkfifo(join(dir, 'letters/pipe.yaml'))
    const r = await guarded(dir, [])
    expect(r.stopped).toBeNull()
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/a-zero.md:2:8 error theme file "/dev/zero" is outside the letter\'s folder')
    expect(r.stderr).toMatch(/letters\/b-stdin\.md:2:8 error theme file "\/dev\/stdin" (is outside the letter's folder|not found)/)
    expect(r.stderr).toContain(
      'letters/c-fifo.md:2:8 error theme file "pipe.yaml" is not a regular file (a device, pipe or socket is never read)',
    )
    expect(pdfsIn(join(dir, 'output'))).toEqual(['d-good.pdf'])
    // Allowed folders do not make a device readable, and neither does naming it with --theme.
    const allowed = await guarded(dir, ['letters/a-zero.md', '--allow-path', '/dev'])
    expect(allowed.stopped).toBeNull()
    expect(allowed.code).toBe(1)
    expect(allowed.stderr).toContain('letters/a-zero.md:2:8 error theme file "/dev/zero" is not a regular file')
    const flag = await guarded(dir, ['letters/d-good.md', '--theme', '/dev/zero'])
    expect(flag.stopped).toBeNull()
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('letterpress: theme file "/dev/zero" is not a regular file')
  })
})

describe('images, signatures, attachments, data and config: regular files within a size limit', () => {
  test('a pipe or a too-large file as image, signature or attachment is refused with its line; other letters render', () => {
    const dir = project({
      'letters/a-image.md': '---\nsignature: sig.png\n---\n\nDear Sam,\n\n![pipe](pipe.png)\n\n![big](big.png)\n\nThanks.\n',
      'letters/b-pipe.md': `---\nattach: pipe.pdf\n---\n\n${GOOD}`,
      'letters/c-big.md': `---\nattach: big.pdf\n---\n\n${GOOD}`,
    })
    for (const name of ['sig.png', 'pipe.png', 'pipe.pdf']) mkfifo(join(dir, 'letters', name))
    // Sparse files: large by their size, nothing written to disk.
    writeFileSync(join(dir, 'letters/big.png'), '')
    truncateSync(join(dir, 'letters/big.png'), 21 * 1024 * 1024)
    writeFileSync(join(dir, 'letters/big.pdf'), '%PDF-1.7\n')
    truncateSync(join(dir, 'letters/big.pdf'), 51 * 1024 * 1024)
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'letters/a-image.md:2:12 warning signature: image "sig.png" is not a regular file (a device, pipe or socket is never read); rendered without it',
    )
    expect(r.stderr).toContain(
      'letters/a-image.md:7:1 warning image "pipe.png" is not a regular file (a device, pipe or socket is never read)',
    )
    expect(r.stderr).toContain('letters/a-image.md:9:1 warning image "big.png" is too large: 21 MB; images up to 20 MB are read')
    expect(r.stderr).toContain(
      'letters/b-pipe.md:2:9 error attachment "pipe.pdf" is not a regular file (a device, pipe or socket is never read)',
    )
    expect(r.stderr).toContain('letters/c-big.md:2:9 error attachment "big.pdf" is too large: 51 MB; attachments up to 50 MB are read')
    expect(pdfsIn(join(dir, 'output'))).toEqual(['a-image.pdf'])
  })

  test('--data /dev/zero or a FIFO stops the run at once (bad usage)', async () => {
    const dir = project({ 'letters/a.md': GOOD })
    mkfifo(join(dir, 'rows.csv'))
    for (const data of ['/dev/zero', 'rows.csv']) {
      const r = await guarded(dir, ['--data', data])
      expect(r.stopped).toBeNull()
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`${data} error data file is not a regular file (a device, pipe or socket is never read)`)
    }
  })

  test('a project config or package.json that is a device or a pipe stops the run at once (bad usage)', async () => {
    const dir = project({ 'letters/a.md': GOOD })
    symlinkSync('/dev/zero', join(dir, 'letterpress.config.yaml'))
    const config = await guarded(dir, [])
    expect(config.stopped).toBeNull()
    expect(config.code).toBe(2)
    expect(config.stderr).toContain('letterpress.config.yaml error project config is not a regular file')
    const pkg = project({ 'letters/a.md': GOOD })
    mkfifo(join(pkg, 'package.json'))
    const fifo = await guarded(pkg, [])
    expect(fifo.stopped).toBeNull()
    expect(fifo.code).toBe(2)
    expect(fifo.stderr).toContain('package.json error project config is not a regular file')
  })
})

describe('letters: regular files only', () => {
  test('a letter named on the command line that is a FIFO or /dev/stdin is refused, not waited for; preview too', async () => {
    const dir = project({ 'letters/ok.md': GOOD })
    mkfifo(join(dir, 'letters/pipe.md'))
    symlinkSync('/dev/stdin', join(dir, 'letters/stdin.md'))
    for (const args of [['letters/pipe.md'], ['letters/stdin.md'], ['preview', 'letters/pipe.md']]) {
      const r = await guarded(dir, args)
      expect(r.stopped, args.join(' ')).toBeNull()
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toContain(`letterpress: "${args.at(-1)}" is not a regular file (a device, pipe or socket is never read)`)
    }
  })

  test('a FIFO in a folder is passed over with a warning; the other letters render', async () => {
    const dir = project({ 'letters/ok.md': GOOD })
    mkfifo(join(dir, 'letters/pipe.md'))
    const r = await guarded(dir, [])
    expect(r.stopped).toBeNull()
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('letters/pipe.md warning skipped: not a regular file (a device, pipe or socket is never read)')
    expect(pdfsIn(join(dir, 'output'))).toEqual(['ok.pdf'])
  })
})

describe('letterpress check: regular files only', () => {
  test('a PDF that is a device or a pipe fails alone, the other file is still checked; a --source pipe is refused', async () => {
    const dir = project({ 'letters/ok.md': GOOD })
    expect(letterpress(dir, []).code).toBe(0)
    mkfifo(join(dir, 'pipe.pdf'))
    const r = await guarded(dir, ['check', '/dev/zero', 'pipe.pdf', 'output/ok.pdf'])
    expect(r.stopped).toBeNull()
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('/dev/zero: PDF is not a regular file (a device, pipe or socket is never read)')
    expect(r.stdout).toContain('pipe.pdf: PDF is not a regular file')
    expect(r.stdout).toMatch(/✓ output\/ok\.pdf/)
    mkfifo(join(dir, 'source.md'))
    const source = await guarded(dir, ['check', 'output/ok.pdf', '--source', 'source.md'])
    expect(source.stopped).toBeNull()
    expect(source.code).toBe(2)
    expect(source.stderr).toContain('source.md error letter is not a regular file')
  })
})

describe('a folder search never leaves its folder', () => {
  /** letters/ with two real letters, links out (a folder, a file, a loop to ..) and links inside (a file, a folder). */
  const linked = () => {
    const root = project({
      'elsewhere/memo.md': 'Dear Sam,\n\nSecret memo.\n',
      'proj/parent.md': 'Dear Sam,\n\nParent letter.\n',
      'proj/letters/real.md': GOOD,
      'proj/letters/sub/s.md': GOOD,
    })
    const dir = join(root, 'proj')
    symlinkSync(join(root, 'elsewhere'), join(dir, 'letters/leak'))
    symlinkSync(join(root, 'elsewhere/memo.md'), join(dir, 'letters/x.md'))
    symlinkSync('..', join(dir, 'letters/loop'))
    symlinkSync('real.md', join(dir, 'letters/alias.md'))
    symlinkSync('sub', join(dir, 'letters/subalias'))
    return dir
  }

  test('links to a folder or a file outside and a loop to .. are skipped with a warning each; only the real letters render', () => {
    const dir = linked()
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['real.pdf', 'sub/s.pdf'])
    expect(r.stderr).toContain(
      'letters/leak warning skipped: a link to a folder outside "letters"; a folder search stays inside its folder',
    )
    expect(r.stderr).toContain('letters/x.md warning skipped: a link to a file outside "letters"; a folder search stays inside its folder')
    expect(r.stderr).toContain(
      'letters/loop warning skipped: a link to a folder outside "letters"; a folder search stays inside its folder',
    )
    // Links inside the folder lead to letters found anyway: no warning, no second copy.
    expect(r.stderr).not.toMatch(/alias/)
    expect(r.stdout).toContain('2 of 2 letters rendered')
    const json = JSON.parse(letterpress(dir, ['--json']).stdout)
    expect(json.warnings.map((w: { file: string }) => w.file)).toEqual(['letters/leak', 'letters/loop', 'letters/x.md'])
  })

  test("a glob does not follow links either; a link named on the command line is the user's choice", () => {
    const dir = linked()
    const glob = letterpress(dir, ['letters/**/*.md'])
    expect(glob.code, glob.stderr).toBe(0)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['real.pdf', 's.pdf'])
    const named = letterpress(dir, ['letters/x.md'])
    expect(named.code, named.stderr).toBe(0)
    expect(pdfsIn(join(dir, 'output'))).toContain('x.pdf')
  })
})
