// Bad input, faults and hostile letters: each gets a clear message with its place, the other letters are
// still written, nothing outside the letter's folder is read, and nothing is fetched.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { BIN, copyInto, filesIn, letterpress, project, projectEnv } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const GOOD = 'Dear Sam,\n\nThank you.\n\nBest regards,\nKim Lee\n'
const pdfsIn = (dir: string) => filesIn(dir, '.pdf')
const strays = (dir: string) => filesIn(dir, '.tmp')

describe('bad input', () => {
  test('empty letters, binary files and invalid UTF-8 fail with the file (and byte offset); the good letter is written', () => {
    const dir = project({ 'letters/a-good.md': GOOD, 'letters/b-empty.md': '', 'letters/c-front.md': '---\nsubject: x\n---\n' })
    copyInto(dir, 'tests/fixtures/kitchen-sink/chart.png', 'letters/d-binary.md')
    writeFileSync(join(dir, 'letters/e-latin1.md'), Buffer.from('Dear Sam,\n\ncaf\xe9\n', 'latin1'))
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/b-empty.md error letter is empty')
    expect(r.stderr).toContain('letters/c-front.md error letter is empty')
    expect(r.stderr).toMatch(/letters\/d-binary\.md:\d+:\d+ error not (UTF-8 text: invalid byte 0x89 at byte offset 0|a text file)/)
    expect(r.stderr).toContain('letters/e-latin1.md:3:4 error not UTF-8 text: invalid byte 0xe9 at byte offset 14')
    expect(r.stdout).toContain(
      '1 of 5 letters rendered; failed: letters/b-empty.md, letters/c-front.md, letters/d-binary.md, letters/e-latin1.md',
    )
    expect(pdfsIn(join(dir, 'output'))).toEqual(['a-good.pdf'])
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  test('missing, non-image and corrupt images are warnings with their line; the letter renders without them', async () => {
    const dir = project({
      'letters/a.md': 'Dear Sam,\n\n![one](missing.png)\n\n![two](notes.png)\n\n![three](corrupt.png)\n\nThanks.\n',
      'letters/notes.png': 'text, not an image',
    })
    writeFileSync(
      join(dir, 'letters/corrupt.png'),
      Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008020000000000', 'hex'), Buffer.from('garbage')]),
    )
    const r = letterpress(dir, [])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('letters/a.md:3:1 warning image "missing.png" not found')
    expect(r.stderr).toContain('letters/a.md:5:1 warning image "notes.png" is not a PNG or JPEG file')
    expect(r.stderr).toContain('letters/a.md:7:1 warning image "corrupt.png" is incomplete or corrupt')
    expect(r.stderr).not.toContain('Incomplete or corrupt PNG file')
    expect((await readPdf(readFileSync(join(dir, 'output/a.pdf')))).text.join('\n')).toContain('Thanks.')
  })

  test('images outside the letter folder are refused unread, also through a symlink; --allow-path widens this', () => {
    const dir = project({ 'letters/a.md': 'Dear Sam,\n\n![a](../secret/s.png)\n\n![b](/etc/hostname)\n\n![c](link.png)\n' })
    mkdirSync(join(dir, 'secret'))
    copyInto(dir, 'tests/fixtures/kitchen-sink/chart.png', 'secret/s.png')
    symlinkSync(join(dir, 'secret/s.png'), join(dir, 'letters/link.png'))
    const r = letterpress(dir, [])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('letters/a.md:3:1 warning image "../secret/s.png" is outside the letter\'s folder and was not read')
    expect(r.stderr).toMatch(/letters\/a\.md:5:1 warning image "\/etc\/hostname" (is outside the letter's folder|not found)/)
    expect(r.stderr).toContain('letters/a.md:7:1 warning image "link.png" is outside the letter\'s folder')
    const allowed = letterpress(dir, ['--allow-path', 'secret'])
    expect(allowed.stderr).not.toContain('"../secret/s.png" is outside')
    expect(allowed.stderr).not.toContain('"link.png" is outside')
  })

  test('lists nested hundreds deep and megabyte letters fail clearly, with the line; never a stack overflow', () => {
    const deep = `Dear Sam,\n\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`
    const dir = project({ 'letters/deep.md': deep, 'letters/huge.md': `Dear Sam,\n\n${'word '.repeat(130_000)}\n`, 'letters/ok.md': GOOD })
    const r = letterpress(dir, [])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/letters\/deep\.md:\d+:\d+ error lists and block quotes are nested more than 64 deep here/)
    expect(r.stderr).toMatch(/letters\/huge\.md error letter is too large: \d+ KB; letters up to 512 KB are (rendered|read)/)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['ok.pdf'])
  })

  test('an output folder that cannot be written fails each letter, exit 1, no stray files', () => {
    const dir = project({ 'letters/a.md': GOOD, 'letters/b.md': GOOD, blocked: 'a file where the folder should be' })
    const r = letterpress(dir, ['--out', 'blocked/out'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/letters\/a\.md error .*(ENOTDIR|not a directory)/)
    expect(r.stdout).toContain('0 of 2 letters rendered')
    expect(strays(dir)).toEqual([])
  })

  test('unexpected errors show no stack trace unless --verbose', () => {
    const dir = project({ 'letters/a.md': GOOD })
    const r = letterpress(dir, ['--theme', 'classic', '--out', 'out'])
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('time limit', () => {
  test('a letter that takes longer than --timeout is stopped with an error; the batch goes on', () => {
    // Margins both ways, so a busy or a fast machine gives the same result: the slow letter takes about 8 s on a
    // 2-core VM (four times the limit), the good one a fraction of a second (a tenth of it).
    const slow = `Dear Sam,\n\n${Array.from({ length: 1400 }, (_, i) => `Paragraph ${i}: ${'words that fill the page, '.repeat(12)}`).join('\n\n')}\n`
    const dir = project({ 'letters/a-slow.md': slow, 'letters/b-good.md': GOOD })
    const r = letterpress(dir, ['--timeout', '2'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/a-slow.md error rendering took longer than 2 s and was stopped (--timeout)')
    expect(pdfsIn(join(dir, 'output'))).toEqual(['b-good.pdf'])
    expect(strays(dir)).toEqual([])
  })

  test('--timeout must be a positive number of seconds', () => {
    const dir = project({ 'letters/a.md': GOOD })
    expect(letterpress(dir, ['--timeout', 'soon']).code).toBe(2)
  })
})

describe('nothing fetched', () => {
  test('a letter referencing a local HTTP server: the server sees zero requests', async () => {
    let requests = 0
    const server = createServer((_, res) => {
      requests++
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const dir = project({
      'letters/a.md': `---\nsignature: ${url}/sig.png\n---\n\nDear Sam,\n\n![chart](${url}/chart.png)\n\n[a link](${url}/page)\n\nSincerely,\nKim\n`,
    })
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN], { cwd: dir, env: projectEnv(dir) })
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      child.on('close', (code) => resolve({ code, stderr }))
    })
    server.close()
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('not loaded: only local PNG or JPEG files are, nothing is fetched')
    expect(requests).toBe(0)
  })
})

describe('interrupted batches', () => {
  test('Ctrl-C in the middle of a batch stops after the letter in hand: exit 130, whole PDFs only, no temporary files', async () => {
    // Letters of several pages each, so the batch is still running when the signal arrives.
    const long = `Dear Sam,\n\n${Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${'a sentence that keeps going, '.repeat(12)}`).join('\n\n')}\n`
    const files: Record<string, string> = {}
    for (let i = 0; i < 400; i++) files[`letters/l${String(i).padStart(3, '0')}.md`] = long
    const dir = project(files)
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN], { cwd: dir, env: projectEnv(dir) })
      let stdout = ''
      let stderr = ''
      let sent = false
      child.stdout.on('data', (d: Buffer) => {
        stdout += d
        if (!sent && d.toString().includes('✓')) {
          sent = true
          child.kill('SIGINT')
        }
      })
      child.stderr.on('data', (d) => (stderr += d))
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    })
    expect(result.code).toBe(130)
    expect(result.stderr).toMatch(/stopped by SIGINT after \d+ of 400 letters/)
    const pdfs = pdfsIn(join(dir, 'output'))
    // The summary counts against every input, not only those reached before the stop.
    expect(result.stdout).toContain(`${pdfs.length} of 400 letters rendered; stopped by SIGINT`)
    expect(pdfs.length).toBeGreaterThan(0)
    expect(pdfs.length).toBeLessThan(400)
    for (const pdf of pdfs)
      expect(
        readFileSync(join(dir, 'output', pdf))
          .toString('latin1')
          .trimEnd()
          .endsWith('%%EOF'),
      ).toBe(true)
    expect(strays(dir)).toEqual([])
  })
})
