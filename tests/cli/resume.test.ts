// `letterpress resume.json` renders a JSON Resume: named explicitly (a folder search takes only Markdown), a
// broken one fails alone with placed messages (exit 1), and a re-run renders it again only when it changed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { copyInto, letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const env = { SOURCE_DATE_EPOCH: '1790000000' }
const pdfsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')) : []).sort()

function resumeProject(): string {
  const dir = project({ 'letters/cover.md': 'Dear Sam,\n\nPlease find my CV attached.\n' })
  copyInto(dir, 'tests/fixtures/resume/resume.json', 'resume.json')
  copyInto(dir, 'tests/fixtures/resume/broken/bad-date.json', 'broken.json')
  return dir
}

describe('letterpress resume.json', () => {
  test('a resume renders to resume.pdf; a broken one fails alone with its placed messages (exit 1)', async () => {
    const dir = resumeProject()
    const r = letterpress(dir, ['resume.json', 'broken.json', 'letters/cover.md'], env)
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toMatch(/✓ resume\.json → output\/resume\.pdf {2}2 pages/)
    expect(r.stderr).toContain('broken.json:7:20 error work[1].startDate must be a date (YYYY, YYYY-MM or YYYY-MM-DD)')
    expect(r.stderr).toContain('broken.json:11:52 error awards[0].date must be a date')
    expect(pdfsIn(join(dir, 'output'))).toEqual(['cover.pdf', 'resume.pdf'])
    const text = (await readPdf(readFileSync(join(dir, 'output/resume.pdf')))).text.join('\n')
    expect(text).toContain('Maren Okafor-Lund')
    expect(text).toContain('2021-03 – present · Trondheim')
  })

  test('--check reads the PDF back against the resume as converted', () => {
    const dir = resumeProject()
    const r = letterpress(dir, ['resume.json', '--check'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/resume\.json → output\/resume\.pdf/)
    expect(r.stdout + r.stderr).not.toMatch(/missing/)
    // `check --source resume.json` compares the PDF with the resume's words, not with its JSON.
    const check = letterpress(dir, ['check', 'output/resume.pdf', '--source', 'resume.json'])
    expect(check.code, check.stdout + check.stderr).toBe(0)
    expect(check.stdout).toMatch(/(\d+)\/\1 words in order/)
  })

  test('a folder input takes only its Markdown: resume.json in letters/ is not rendered unless named', () => {
    const dir = resumeProject()
    copyInto(dir, 'tests/fixtures/resume/resume.json', 'letters/resume.json')
    const r = letterpress(dir, [], env)
    expect(r.code, r.stderr).toBe(0)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['cover.pdf'])
    expect(letterpress(dir, ['letters/notes.txt'], env).code).toBe(2)
    writeFileSync(join(dir, 'letters/notes.txt'), 'x')
    expect(letterpress(dir, ['letters/notes.txt'], env).stderr).toContain(
      'is not a Markdown letter (.md or .markdown) or a JSON Resume (.json)',
    )
  })

  test('a glob that ends in .json takes JSON Resumes; any other glob takes letters only', () => {
    const dir = resumeProject()
    copyInto(dir, 'tests/fixtures/resume/resume.json', 'letters/lena.json')
    const r = letterpress(dir, ['letters/l*.json'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(pdfsIn(join(dir, 'output'))).toEqual(['lena.pdf'])
    expect(letterpress(dir, ['letters/*'], env).stdout).not.toMatch(/lena\.json/)
    const none = letterpress(dir, ['letters/x*.json'], env)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('no such file, folder or matching .json resumes: "letters/x*.json"')
  })

  test('an attachment that is no PDF, Markdown or JSON Resume says which kinds are attached', () => {
    const dir = resumeProject()
    writeFileSync(join(dir, 'notes.txt'), 'my notes')
    const r = letterpress(dir, ['letters/cover.md', '--attach', 'notes.txt'], env)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('letters/cover.md error attachment "notes.txt" is not a PDF, Markdown (.md) or JSON Resume (.json) file')
  })

  test('a re-run renders the resume again only when its bytes changed', () => {
    const dir = resumeProject()
    expect(letterpress(dir, ['resume.json'], env).stdout).toMatch(/✓ resume\.json →/)
    expect(letterpress(dir, ['resume.json'], env).stdout).toMatch(/· resume\.json → .* {2}unchanged/)
    const file = join(dir, 'resume.json')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Senior Data Engineer', 'Principal Data Engineer'))
    const again = letterpress(dir, ['resume.json'], env)
    expect(again.stdout).toMatch(/✓ resume\.json →/)
  })
})
