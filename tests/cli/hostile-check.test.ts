// Reading back, time limits and writing under hostile input: a compression bomb fails its file or letter alone
// (in a worker, under the limits), --timeout stays within what a timer holds, a letter that fails --check
// never replaces a PDF, write errors say what failed, and names that differ only in case collide.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { BIN, filesIn, project, projectEnv } from '../helpers/cli.js'
import { bombPdf, textFloodPdf } from '../helpers/bomb.js'

const GOOD = 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n'
/** A letter that renders but fails --check: with no name under it, the PDF has no Author. */
const NO_AUTHOR = 'Dear Sam,\n\nThank you.\n'
const pdfsIn = (dir: string) => filesIn(dir, '.pdf')
const strays = (dir: string) => filesIn(dir, '.tmp')

/** Run the built CLI; a run that has not ended after 50 s is killed, so the test fails rather than runs on. */
function letterpress(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: projectEnv(cwd),
    encoding: 'utf8',
    input: '',
    timeout: 50_000,
    killSignal: 'SIGKILL',
  })
  if (r.error) throw r.error
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('compression bombs are read back under the limits', () => {
  test('letterpress check bomb.pdf good.pdf: the bomb fails with a message, the good file is still checked, exit 1', async () => {
    const dir = project({ 'letters/good.md': GOOD })
    writeFileSync(join(dir, 'bomb.pdf'), await bombPdf(1024))
    writeFileSync(join(dir, 'hex-bomb.pdf'), await bombPdf(1024, { hex: true }))
    expect(letterpress(dir, []).code).toBe(0)
    const r = letterpress(dir, ['check', 'bomb.pdf', 'output/good.pdf', 'hex-bomb.pdf'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✗ bomb.pdf: the PDF has a stream that decodes to more than 128 MB (a compression bomb?)')
    expect(r.stdout).toContain('✓ output/good.pdf: 1 page')
    expect(r.stdout).toContain('✗ hex-bomb.pdf: the PDF has a stream that decodes to more than 128 MB (a compression bomb?)')
    expect(r.stderr).toBe('')
  })

  test('--check with a bomb attached to one letter: that letter fails and is not written, the next is written and checked', async () => {
    const dir = project({ 'letters/a-bomb.md': `---\nattach: [bomb.pdf]\n---\n${GOOD}`, 'letters/b-good.md': GOOD })
    writeFileSync(join(dir, 'letters/bomb.pdf'), await bombPdf(1024))
    const r = letterpress(dir, ['--check'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'letters/a-bomb.md error check failed: the PDF has a stream that decodes to more than 128 MB (a compression bomb?); not written',
    )
    expect(r.stdout).toMatch(/✓ letters\/b-good\.md → output\/b-good\.pdf/)
    expect(r.stdout).toContain('1 of 2 letters rendered; failed: letters/a-bomb.md')
    expect(pdfsIn(join(dir, 'output'))).toEqual(['b-good.pdf'])
  })
})

describe('a read-back beyond the heap limit', () => {
  test('--check: a letter whose attachment needs more memory to read back fails its check alone; the next is written', async () => {
    const dir = project({ 'letters/a-flood.md': `---\nattach: [flood.pdf]\n---\n${GOOD}`, 'letters/b-good.md': GOOD })
    writeFileSync(join(dir, 'letters/flood.pdf'), await textFloodPdf(1_000_000))
    const r = letterpress(dir, ['--check'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'letters/a-flood.md error check failed: ran out of memory while checking (a check may use 192 MB); not written',
    )
    expect(pdfsIn(join(dir, 'output'))).toEqual(['b-good.pdf'])
  }, 60_000)
})

describe('--timeout', () => {
  test('letterpress check holds each file to --timeout: one stopped is a failed file with a message, exit 1', () => {
    const dir = project({ 'letters/a.md': GOOD })
    expect(letterpress(dir, []).code).toBe(0)
    // No PDF is read back in a millisecond (pdf.js alone takes longer to open one).
    const r = letterpress(dir, ['check', 'output/a.pdf', '--timeout', '0.001'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✗ output/a.pdf: checking took longer than 0.001 s and was stopped (--timeout)')
  })

  test('beyond what a timer holds, not a number, zero or negative: bad usage with the allowed range, exit 2', () => {
    const dir = project({ 'letters/a.md': GOOD })
    for (const value of ['2147484', '1e300', 'Infinity', 'NaN', '0', '-5', 'soon', '']) {
      const r = letterpress(dir, [`--timeout=${value}`])
      expect(r.code, value).toBe(2)
      expect(r.stderr).toContain(
        `letterpress: --timeout must be a number of seconds from 0.001 to 2147483 (about 24 days, the longest a timer holds), not "${value}"`,
      )
    }
    expect(letterpress(dir, ['check', 'x.pdf', '--timeout', '1e300']).code).toBe(2)
    expect(pdfsIn(join(dir, 'output'))).toEqual([])
  })

  test('the longest allowed time limit works as one: the letter renders', () => {
    const dir = project({ 'letters/a.md': GOOD })
    const r = letterpress(dir, ['--timeout', '2147483', '--check'])
    expect(r.code, r.stderr).toBe(0)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['a.pdf'])
    expect(letterpress(dir, ['check', 'output/a.pdf', '--timeout', '2147483']).code).toBe(0)
  })
})

describe('--check before writing', () => {
  test('a re-render that fails --check leaves the earlier PDF byte for byte; a new letter that fails writes nothing', () => {
    const dir = project({ 'letters/a.md': GOOD })
    expect(letterpress(dir, ['--check']).code).toBe(0)
    const before = readFileSync(join(dir, 'output/a.pdf'))
    writeFileSync(join(dir, 'letters/a.md'), NO_AUTHOR)
    writeFileSync(join(dir, 'letters/b.md'), NO_AUTHOR)
    const r = letterpress(dir, ['--check'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/a.md error check failed: metadata missing: Author; not written')
    expect(r.stderr).toContain('letters/b.md error check failed: metadata missing: Author; not written')
    expect(readFileSync(join(dir, 'output/a.pdf')).equals(before)).toBe(true)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['a.pdf'])
    expect(strays(dir)).toEqual([])
  })

  describe('in --watch', () => {
    let child: ReturnType<typeof spawn> | undefined
    afterEach(() => {
      child?.kill('SIGKILL')
      child = undefined
    })

    test('a save that fails --check keeps the last good PDF; the next good save replaces it', async () => {
      const dir = project({ 'letters/a.md': GOOD })
      const proc = spawn(process.execPath, [BIN, '--watch', '--check'], { cwd: dir, env: projectEnv(dir) })
      child = proc
      let out = ''
      let err = ''
      proc.stdout!.on('data', (d) => (out += d))
      proc.stderr!.on('data', (d) => (err += d))
      const until = (what: () => boolean, label: string) =>
        new Promise<void>((resolve, reject) => {
          const started = Date.now()
          const poll = setInterval(() => {
            if (!what() && Date.now() - started <= 20_000) return
            clearInterval(poll)
            if (what()) resolve()
            else reject(new Error(`timed out waiting for ${label}\nstdout:\n${out}\nstderr:\n${err}`))
          }, 25)
        })
      await until(() => err.includes('watching 1 letter'), 'the first batch')
      // chokidar finishes its folder watches just after it is ready.
      await new Promise((resolve) => setTimeout(resolve, 300))
      const good = readFileSync(join(dir, 'output/a.pdf'))
      writeFileSync(join(dir, 'letters/a.md'), NO_AUTHOR)
      await until(() => err.includes('letters/a.md error check failed: metadata missing: Author; not written'), 'the failed check')
      expect(readFileSync(join(dir, 'output/a.pdf')).equals(good)).toBe(true)
      writeFileSync(join(dir, 'letters/a.md'), GOOD.replace('Thank you.', 'Thank you again.'))
      await until(() => out.split('✓ letters/a.md').length === 3, 'the good save')
      expect(readFileSync(join(dir, 'output/a.pdf')).equals(good)).toBe(false)
      proc.kill('SIGINT')
    })
  })
})

describe('write errors say what failed and the file', () => {
  test('an output folder below a file: "writing FILE: not a directory", each letter fails, no stray files', () => {
    const dir = project({ 'letters/a.md': GOOD, 'letters/b.md': GOOD, blocked: 'a file where a folder should be' })
    const r = letterpress(dir, ['--out', 'blocked/out'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/a.md error writing blocked/out/a.pdf: not a directory (a part of the path is a file)')
    expect(r.stderr).toContain('letters/b.md error writing blocked/out/b.pdf: not a directory (a part of the path is a file)')
    expect(r.stderr).not.toContain('could not render')
    expect(strays(dir)).toEqual([])
  })

  test('a name too long for the disk: "writing FILE: name too long", never the temporary file\'s path', () => {
    const long = 'x'.repeat(300)
    const dir = project({ 'letters/a.md': GOOD })
    const r = letterpress(dir, ['--out', long])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`letters/a.md error writing ${long}/a.pdf: name too long`)
    expect(r.stderr).not.toContain('.tmp')
    expect(r.stderr).not.toContain('could not render')
  })

  test.skipIf(process.platform !== 'linux')(
    'an output folder where mkdir answers ENOENT (under /proc) fails each letter at once, never spins',
    () => {
      const dir = project({ 'letters/a.md': GOOD })
      const r = letterpress(dir, ['--out', '/proc/letterpress-out'])
      expect(r.code).toBe(1)
      expect(r.stderr).toContain('letters/a.md error writing /proc/letterpress-out/a.pdf: no such file or directory')
    },
  )

  test('a long name the disk takes is written: the temporary file beside it is never the one too long', () => {
    const dir = project({ 'letters/a.md': `---\noutput: ${'n'.repeat(240)}\n---\n${GOOD}` })
    const r = letterpress(dir, [])
    expect(r.code, r.stderr).toBe(0)
    expect(pdfsIn(join(dir, 'output'))).toHaveLength(1)
    expect(strays(dir)).toEqual([])
  })
})

describe('output names that differ only in case or Unicode form', () => {
  test('Acme.pdf and acme.pdf are one file on macOS and Windows: the second letter fails as a collision', () => {
    const dir = project({
      'letters/a.md': `---\noutput: Acme\n---\n${GOOD}`,
      'letters/b.md': `---\noutput: acme\n---\n${GOOD}`,
      'letters/c.md': `---\noutput: ACME.PDF\n---\n${GOOD}`,
    })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'letters/b.md error output output/acme.pdf is already written by letters/a.md in this run as output/Acme.pdf',
    )
    expect(r.stderr).toContain(
      'letters/c.md error output output/ACME.pdf is already written by letters/a.md in this run as output/Acme.pdf',
    )
    expect(pdfsIn(join(dir, 'output'))).toEqual(['Acme.pdf'])
  })

  test('é composed (NFC) and e + combining accent (NFD) are one name too', () => {
    const dir = project({ 'letters/a.md': `---\noutput: Caf\u00e9\n---\n${GOOD}`, 'letters/b.md': `---\noutput: Cafe\u0301\n---\n${GOOD}` })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    // (The second name may be shown in either form.)
    expect(r.stderr).toMatch(
      /letters\/b\.md error output output\/Caf(e\u0301|\u00e9)\.pdf is already written by letters\/a\.md in this run/,
    )
    expect(pdfsIn(join(dir, 'output'))).toEqual(['Caf\u00e9.pdf'])
  })

  test('a folder input: sub/Acme.pdf and sub/acme.pdf collide, different folders do not', () => {
    const dir = project({
      'letters/x/a.md': `---\noutput: Acme\n---\n${GOOD}`,
      'letters/x/b.md': `---\noutput: acme\n---\n${GOOD}`,
      'letters/y/c.md': `---\noutput: acme\n---\n${GOOD}`,
    })
    mkdirSync(join(dir, 'output'))
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/x/b.md error output output/x/acme.pdf is already written by letters/x/a.md')
    expect(pdfsIn(join(dir, 'output'))).toEqual(['x/Acme.pdf', 'y/acme.pdf'])
  })
})
