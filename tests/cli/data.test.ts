import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

const env = { SOURCE_DATE_EPOCH: '1790000000' }

type Entry = {
  input: string
  row?: number
  output: string | null
  pages: number
  error: { message: string; line: number | null; column: number | null } | null
}
const report = (stdout: string) => JSON.parse(stdout) as { ok: boolean; letters: Entry[] }

/** A letter with placeholders in the front matter, the text, bold text and the output name. */
const COVER = [
  '---', //                                                        1
  'from: Kim Lee', //                                              2
  'to:', //                                                        3
  '  name: "{{contact}}"', //                                      4
  '  company: "{{company}}"', //                                   5
  'subject: Application to {{company}}', //                        6
  'output: "{{company}}-cover-letter.pdf"', //                     7
  '---', //                                                        8
  '', //                                                           9
  'Dear {{contact}},', //                                          10
  '', //                                                           11
  'I would like to join {{to.company}} as a', //                   12
  'new **{{role}}** and start soon.', //                          13
  '', //                                                           14
  'Best regards,', //                                              15
  'Kim Lee', //                                                    16
  '',
].join('\n')

/** Row 2 has an empty "role" cell; row 3 has a quoted comma. */
const CSV = 'company,contact,role\nAcme,Ann Smith,Engineer\nBeta,Bo Chen,\n"Gamma, Inc.",Cy Park,Designer\n'

/** The text of a written PDF, whitespace folded to single spaces. */
async function pdfText(dir: string, file: string): Promise<string> {
  const pdf = await readPdf(readFileSync(join(dir, file)))
  return pdf.text.join('\n').replace(/\s+/g, ' ')
}

describe('--data: mail merge', () => {
  test('a CSV renders one PDF per row, named by the output template; a row with an empty cell fails alone', async () => {
    const dir = project({ 'letters/cover.md': COVER, 'people.csv': CSV })
    const r = letterpress(dir, ['letters/cover.md', '--data', 'people.csv'], env)
    expect(r.code, r.stderr).toBe(1)
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['Acme-cover-letter.pdf', 'Gamma,-Inc.-cover-letter.pdf'])

    const rows = [
      { file: 'output/Acme-cover-letter.pdf', values: ['Ann Smith', 'Acme', 'Engineer'], others: ['Cy Park', 'Gamma', 'Designer'] },
      {
        file: 'output/Gamma,-Inc.-cover-letter.pdf',
        values: ['Cy Park', 'Gamma, Inc.', 'Designer'],
        others: ['Ann Smith', 'Acme', 'Engineer'],
      },
    ]
    for (const { file, values, others } of rows) {
      const text = await pdfText(dir, file)
      for (const value of values) expect(text, file).toContain(value)
      for (const value of others) expect(text, file).not.toContain(value)
      expect(text, file).toContain(`Dear ${values[0]},`)
      expect(text, file).not.toContain('{{')
      expect(text, file).not.toContain('}}')
      expect((await readPdf(readFileSync(join(dir, file)))).info.Subject).toBe(`Application to ${values[1]}`)
    }

    // Row 2: its error names the placeholder, the row and where the placeholder is written (line 13, column 7).
    expect(r.stderr).toContain('letters/cover.md:13:7 error row 2: placeholder {{role}} has no value in this row or the front matter')
    expect(r.stderr).not.toMatch(/row [13]:/)
    expect(r.stdout).toMatch(/✓ letters\/cover\.md \(row 1\) → output\/Acme-cover-letter\.pdf/)
    expect(r.stdout).toContain('✗ letters/cover.md (row 2)  failed')
    expect(r.stdout).toMatch(/✓ letters\/cover\.md \(row 3\) → output\/Gamma,-Inc\.-cover-letter\.pdf/)
    expect(r.stdout).toContain('2 of 3 letters rendered; failed: letters/cover.md (row 2)')
  })

  test('--check reads the PDF of each row back against the letter as that row fills it', () => {
    const dir = project({
      'letters/cover.md': COVER,
      'people.csv': 'company,contact,role\nAcme,Ann Smith,Engineer\n"Gamma, Inc.",Cy Park,Designer\n',
    })
    const r = letterpress(dir, ['letters/cover.md', '--data', 'people.csv', '--check', '--json'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(report(r.stdout).letters.map((l) => l.error)).toEqual([null, null])
  })

  test('--json report entries carry the row', () => {
    const dir = project({ 'letters/cover.md': COVER, 'people.csv': CSV })
    const r = letterpress(dir, ['letters/cover.md', '-d', 'people.csv', '--json'], env)
    expect(r.code, r.stderr).toBe(1)
    const { ok, letters } = report(r.stdout)
    expect(ok).toBe(false)
    expect(letters.map((l) => [l.input, l.row, l.output])).toEqual([
      ['letters/cover.md', 1, 'output/Acme-cover-letter.pdf'],
      ['letters/cover.md', 2, null],
      ['letters/cover.md', 3, 'output/Gamma,-Inc.-cover-letter.pdf'],
    ])
    expect(letters[1]!.error).toEqual({
      message: 'row 2: placeholder {{role}} has no value in this row or the front matter',
      line: 13,
      column: 7,
    })
    expect(letters[0]!.error).toBeNull()
    expect(letters[2]!.error).toBeNull()
  })

  test('JSON data: nested mappings and numbers fill the letter', async () => {
    const dir = project({
      'letters/cover.md': COVER.replace('and start soon.', 'with {{years}} years of practice.'),
      'people.json': JSON.stringify([
        { company: 'Acme', contact: 'Ann Smith', role: 'Engineer', years: 7, to: { company: 'Acme Research' } },
        { company: 'Beta', contact: 'Bo Chen', role: 'Designer', years: 12 },
      ]),
    })
    const r = letterpress(dir, ['letters/cover.md', '--data', 'people.json', '--json'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(report(r.stdout).letters.map((l) => [l.row, l.output])).toEqual([
      [1, 'output/Acme-cover-letter.pdf'],
      [2, 'output/Beta-cover-letter.pdf'],
    ])
    // Row 1's nested to.company wins over the front matter's {{company}} for {{to.company}}.
    const first = await pdfText(dir, 'output/Acme-cover-letter.pdf')
    expect(first).toContain('join Acme Research as a new Engineer with 7 years')
    const second = await pdfText(dir, 'output/Beta-cover-letter.pdf')
    expect(second).toContain('join Beta as a new Designer with 12 years')
    expect(first + second).not.toContain('{{')
  })

  test('YAML data (.yaml and .yml) works, and without an output template the PDFs are <letter>-<row>.pdf', async () => {
    const letter = 'Dear {{contact}},\n\nThe {{role}} role at {{company}} suits me.\n\nBest regards,\nKim Lee\n'
    const yaml = '- { company: Acme, contact: Ann Smith, role: Engineer }\n- company: Beta\n  contact: Bo Chen\n  role: Designer\n'
    const dir = project({ 'letters/cover.md': letter, 'people.yaml': yaml, 'people.yml': yaml })
    for (const [data, out] of [
      ['people.yaml', 'a'],
      ['people.yml', 'b'],
    ]) {
      const r = letterpress(dir, ['letters/cover.md', '--data', data!, '--out', out!, '--json'], env)
      expect(r.code, r.stderr).toBe(0)
      expect(report(r.stdout).letters.map((l) => [l.row, l.output])).toEqual([
        [1, `${out}/cover-1.pdf`],
        [2, `${out}/cover-2.pdf`],
      ])
      expect(readdirSync(join(dir, out!)).sort()).toEqual(['cover-1.pdf', 'cover-2.pdf'])
      expect(await pdfText(dir, `${out}/cover-1.pdf`)).toContain('The Engineer role at Acme suits me.')
      expect(await pdfText(dir, `${out}/cover-2.pdf`)).toContain('The Designer role at Beta suits me.')
    }
  })

  test('two letters × two rows: four PDFs, reported letter by letter, then row by row', () => {
    const letter = (name: string) => `Dear {{contact}},\n\nThis is letter ${name} for {{company}}.\n\nBest regards,\nKim Lee\n`
    const dir = project({ 'letters/a.md': letter('A'), 'letters/b.md': letter('B'), 'people.csv': 'company,contact\nAcme,Ann\nBeta,Bo\n' })
    const r = letterpress(dir, ['letters', '--data', 'people.csv', '--jobs', '2', '--json'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(report(r.stdout).letters.map((l) => [l.input, l.row, l.output])).toEqual([
      ['letters/a.md', 1, 'output/a-1.pdf'],
      ['letters/a.md', 2, 'output/a-2.pdf'],
      ['letters/b.md', 1, 'output/b-1.pdf'],
      ['letters/b.md', 2, 'output/b-2.pdf'],
    ])
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['a-1.pdf', 'a-2.pdf', 'b-1.pdf', 'b-2.pdf'])
  })

  test('two rows that fill the output template alike: the second fails, the first is kept', () => {
    const dir = project({
      'letters/cover.md': '---\noutput: "{{role}}.pdf"\n---\n\nDear {{contact}},\n\nHello.\n',
      'people.csv': 'contact,role\nAnn,Engineer\nBo,Engineer\n',
    })
    const r = letterpress(dir, ['letters/cover.md', '--data', 'people.csv', '--json'], env)
    expect(r.code, r.stderr).toBe(1)
    const [first, second] = report(r.stdout).letters
    expect(first).toMatchObject({ row: 1, output: 'output/Engineer.pdf', error: null })
    expect(second).toMatchObject({ row: 2, output: null })
    expect(second!.error?.message).toContain('output output/Engineer.pdf is already written by letters/cover.md (row 1)')
  })

  describe('a bad data file stops the run before anything renders: exit 2, naming the file', () => {
    const cases: [string, string, string | null, RegExp][] = [
      ['a missing file', 'missing.csv', null, /^missing\.csv error data file not found/m],
      ['an unknown extension', 'people.txt', 'company\nAcme\n', /^people\.txt error data file must be \.csv, \.json, \.yaml or \.yml/m],
      [
        'a CSV with an unclosed quote',
        'people.csv',
        'company,contact\n"Acme,Ann\nBeta,Bo\n',
        /^people\.csv:\d+ error invalid CSV: Quote Not Closed/m,
      ],
      ['a CSV row with too many cells', 'people.csv', 'company,contact\nAcme,Ann,extra\n', /^people\.csv:2 error invalid CSV: /m],
      [
        'a CSV whose header names a column twice',
        'people.csv',
        'company,company\nAcme,Beta\n',
        /^people\.csv:1 error invalid CSV: column "company" appears twice/m,
      ],
      ['an empty CSV', 'people.csv', '', /^people\.csv error data file has no rows/m],
      ['JSON that is not a list', 'people.json', '{ "company": "Acme" }', /^people\.json error data must be a list of rows/m],
      [
        'JSON with a row that is not a mapping',
        'people.json',
        '[{ "company": "Acme" }, "Beta"]',
        /^people\.json error row 2 is not a mapping/m,
      ],
      ['broken JSON', 'people.json', '[{ "company": "Acme" },', /^people\.json error invalid JSON: /m],
      ['a YAML syntax error', 'people.yaml', '- company: Acme\n- company: [Beta\n', /^people\.yaml:\d+:\d+ error invalid YAML data: /m],
    ]
    test.each(cases)('%s', (_, name, content, message) => {
      const files: Record<string, string> = { 'letters/cover.md': COVER }
      if (content !== null) files[name] = content
      const dir = project(files)
      const r = letterpress(dir, ['letters/cover.md', '--data', name], env)
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stdout).toBe('')
      expect(existsSync(join(dir, 'output'))).toBe(false)
    })
  })

  test('--data naming the working folder itself: the error names it (by its absolute path), never an empty name', () => {
    const dir = realpathSync(project({ 'letters/cover.md': COVER }))
    for (const data of ['.', dir]) {
      const r = letterpress(dir, ['letters/cover.md', '--data', data], env)
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toBe(`${dir} error data file is a folder, not a file\n`)
    }
  })

  test('a JSON data file with a byte-order mark is read', () => {
    const dir = project({ 'letters/cover.md': COVER, 'people.json': '\ufeff[{ "company": "Acme", "contact": "Ann", "role": "Engineer" }]' })
    const r = letterpress(dir, ['letters/cover.md', '--data', 'people.json'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(readdirSync(join(dir, 'output'))).toEqual(['Acme-cover-letter.pdf'])
  })

  test('without --data, a placeholder no front matter field fills fails that letter only, naming it and its line', () => {
    const dir = project({
      'letters/a-placeholder.md': '---\nsubject: Hello\n---\n\nDear Sam,\n\nI would make a fine {{role}}.\n\nBest regards,\nKim Lee\n',
      'letters/b-fine.md':
        '---\nto: { company: Acme }\n---\n\nDear Sam,\n\nI would like to join {{to.company}}.\n\nBest regards,\nKim Lee\n',
    })
    const r = letterpress(dir, ['letters'], env)
    expect(r.code, r.stderr).toBe(1)
    expect(r.stderr).toContain(
      'letters/a-placeholder.md:7:21 error placeholder {{role}} has no value: no front matter field gives it (and no --data row)',
    )
    expect(readdirSync(join(dir, 'output'))).toEqual(['b-fine.pdf'])
    expect(r.stdout).toContain('1 of 2 letters rendered; failed: letters/a-placeholder.md')
  })
})
