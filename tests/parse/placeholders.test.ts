import type { Code, Image, InlineCode, Link, Root, Strong, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import { describe, expect, test } from 'vitest'
import { LetterError, parseLetter } from '../../src/parse/index.js'
import { mergeLayers } from '../../src/parse/meta.js'
import { fillPlaceholders, type MergeValues } from '../../src/parse/placeholders.js'
import type { RawMeta } from '../../src/parse/schema.js'

const FILE = 'letters/cover.md'

/** Parse a letter and fill its placeholders from `row` (labelled "row 2"), as renderLetter does. */
function merge(markdown: string, row?: MergeValues['row'], label = row ? 'row 2' : undefined): { tree: Root; meta: RawMeta } {
  const parsed = parseLetter(markdown, FILE)
  const meta = fillPlaceholders(parsed.tree, mergeLayers(parsed.raw), { row, label, place: parsed.place }, FILE)
  return { tree: parsed.tree, meta }
}

/** The LetterError a merge throws (fails the test when it does not). */
function mergeError(markdown: string, row?: MergeValues['row'], label?: string): LetterError {
  try {
    merge(markdown, row, label)
  } catch (error) {
    expect(error).toBeInstanceOf(LetterError)
    return error as LetterError
  }
  throw new Error('expected the merge to fail, but it succeeded')
}

/** Every node of a type, in document order. */
function all<T extends Root['children'][number] | Text | Strong | Link | Image | InlineCode>(tree: Root, type: T['type']): T[] {
  const found: T[] = []
  visit(tree, type, (node) => void found.push(node as T))
  return found
}

/** The letter's text (text nodes only: no code), joined. */
const textOf = (tree: Root) =>
  all<Text>(tree, 'text')
    .map((t) => t.value)
    .join(' ')

/** 1-based line and column of the first `needle` in the source, the way an editor shows it. */
function at(source: string, needle: string): [number, number] {
  const offset = source.indexOf(needle)
  if (offset < 0) throw new Error(`"${needle}" is not in the letter`)
  const before = source.slice(0, offset).split('\n')
  return [before.length, before.at(-1)!.length + 1]
}

describe('placeholders in the letter text', () => {
  test('row values fill plain text, bold text, a link URL and an image URL and alt', () => {
    const { tree } = merge(
      [
        'Dear {{contact}},',
        '',
        'I am applying for the **{{role}}** role. See [your posting](https://{{domain}}/jobs/{{id}}).',
        '',
        '![{{company}} logo]({{logo}})',
      ].join('\n'),
      { contact: 'Ann Smith', role: 'Research Engineer', domain: 'acme.example', id: '42', company: 'Acme', logo: 'acme.png' },
    )
    const text = textOf(tree)
    expect(text).toContain('Dear Ann Smith,')
    expect(text).toContain('for the ')
    expect(all<Strong>(tree, 'strong').map((s) => (s.children[0] as Text).value)).toEqual(['Research Engineer'])
    expect(all<Link>(tree, 'link').map((l) => l.url)).toEqual(['https://acme.example/jobs/42'])
    expect(all<Image>(tree, 'image').map((i) => [i.url, i.alt])).toEqual([['acme.png', 'Acme logo']])
    expect(text).not.toContain('{{')
  })

  test('whitespace inside the braces is allowed: {{ role }} and {{  to.company}}', () => {
    const { tree } = merge('As {{ role }} at {{  to.company}}, I {{verb }}.', { role: 'Engineer', 'to.company': 'Acme', verb: 'build' })
    expect(textOf(tree)).toBe('As Engineer at Acme, I build.')
  })

  test('numbers, booleans and dates become text (a date as YYYY-MM-DD)', () => {
    const { tree } = merge('{{years}} years; remote: {{remote}}; from {{start}}; zero: {{zero}}.', {
      years: 7,
      remote: false,
      start: new Date('2026-03-01T00:00:00Z'),
      zero: 0,
    })
    expect(textOf(tree)).toBe('7 years; remote: false; from 2026-03-01; zero: 0.')
  })

  test('code and inline code are left as written, even with no value for them', () => {
    const { tree } = merge(['Use `{{role}}` in a template:', '', '```', 'Hello {{role}}!', '```', '', 'Hired as {{job}}.'].join('\n'), {
      job: 'Engineer',
    })
    expect(all<InlineCode>(tree, 'inlineCode').map((c) => c.value)).toEqual(['{{role}}'])
    expect(all<Code>(tree, 'code').map((c) => c.value)).toEqual(['Hello {{role}}!'])
    expect(textOf(tree)).toContain('Hired as Engineer.')
  })
})

describe('where values come from', () => {
  const letter = (body: string) => `---\nto:\n  name: Hiring Team\n  company: Front Matter Co\n---\n\n${body}\n`

  test('{{to.company}} in the body is filled from the front matter, with no data row at all', () => {
    const { tree } = merge(letter('Dear {{to.name}} at {{to.company}},'))
    expect(textOf(tree)).toBe('Dear Hiring Team at Front Matter Co,')
  })

  test('a nested row (JSON, YAML) and a flat row (CSV column "to.company") both fill {{to.company}}, before the front matter', () => {
    expect(textOf(merge(letter('At {{to.company}}.'), { to: { company: 'Nested Co' } }).tree)).toBe('At Nested Co.')
    expect(textOf(merge(letter('At {{to.company}}.'), { 'to.company': 'Flat Co' }).tree)).toBe('At Flat Co.')
    // A row that gives only part of `to` leaves the rest to the front matter.
    expect(textOf(merge(letter('{{to.name}} at {{to.company}}.'), { to: { company: 'Nested Co' } }).tree)).toBe('Hiring Team at Nested Co.')
  })

  test('front matter strings are filled from the row: subject, to.company, list items; the body sees the filled fields', () => {
    const { tree, meta } = merge(
      [
        '---',
        'from: Kim Lee',
        'to:',
        '  company: "{{company}}"',
        '  address: ["{{street}}", Springfield]',
        'subject: Application for {{role}}',
        'enclosures:',
        '  - CV',
        '  - Reference from {{referee}}',
        'output: "{{company}}-cover-letter.pdf"',
        '---',
        '',
        'Re: {{subject}}, to {{to.company}}, from {{from.name}}.',
      ].join('\n'),
      { company: 'Acme', street: '1 Main St', role: 'Engineer', referee: 'Dr. Jones' },
    )
    expect(meta).toMatchObject({
      from: { name: 'Kim Lee' },
      to: { company: 'Acme', address: ['1 Main St', 'Springfield'] },
      subject: 'Application for Engineer',
      enclosures: ['CV', 'Reference from Dr. Jones'],
      output: 'Acme-cover-letter.pdf',
    })
    expect(textOf(tree)).toBe('Re: Application for Engineer, to Acme, from Kim Lee.')
  })

  test("a field filled from another field gets that field's placeholders filled too; a row value is never re-read", () => {
    const markdown = '---\nsubject: Application for {{role}}\ntitle: "{{subject}}"\n---\n\nRe: {{title}}. Note: {{note}}'
    const { tree, meta } = merge(markdown, { role: 'Engineer', note: 'write {{role}} here' })
    expect(meta).toMatchObject({ subject: 'Application for Engineer', title: 'Application for Engineer' })
    expect(textOf(tree)).toBe('Re: Application for Engineer. Note: write {{role}} here')
  })

  test('fields that fill each other in a circle are an error, not a hang', () => {
    const e = mergeError('---\nsubject: "{{title}}"\ntitle: "{{subject}}"\n---\n\nDear Sam,', {}, 'row 1')
    expect(e.message).toMatch(
      /^row 1: placeholder \{\{(title|subject)\}\} \(in field "subject"\) refers back to itself through other fields$/,
    )
    expect(e.line).toBe(2)
  })

  test('a front matter field without placeholders, a number or a list of plain text is returned unchanged', () => {
    const { meta } = merge('---\nsubject: Plain\nmax-pages: 2\nkeywords: [a, b]\n---\n\nHi {{name}}.', { name: 'Ann' })
    expect(meta).toMatchObject({ subject: 'Plain', 'max-pages': 2, keywords: ['a', 'b'] })
  })
})

describe('a placeholder with no value is an error', () => {
  const source = [
    '---', //                                                   1
    'subject: Hello', //                                        2
    '---', //                                                   3
    '', //                                                      4
    'Dear {{contact}},', //                                     5
    '', //                                                      6
    'I read about the job on your site.', //                    7
    'As a long-time user, the {{role}} role suits me.', //      8
    '', //                                                      9
    'Best regards,', //                                         10
    'Kim Lee', //                                               11
  ].join('\n')

  test('a missing value names the row, the placeholder and its line and column (second line of a paragraph, mid-line)', () => {
    const e = mergeError(source, { contact: 'Ann' }, 'row 2')
    expect(e.message).toBe('row 2: placeholder {{role}} has no value in this row or the front matter')
    expect(e.file).toBe(FILE)
    expect([e.line, e.column]).toEqual([8, 26])
    expect([e.line, e.column]).toEqual(at(source, '{{role}}'))
  })

  test('later in the first line of a text, and in the first text of the letter', () => {
    const e = mergeError(source, { role: 'Engineer' }, 'row 1')
    expect(e.message).toContain('row 1: placeholder {{contact}}')
    expect([e.line, e.column]).toEqual([5, 6])
  })

  test('places stay right in a list item, a block quote, bold text, and after escapes and entities', () => {
    const cases = [
      '- one item\n  and a {{x}} here',
      '> quoted\n> text with {{x}}',
      'Some **bold {{x}}** text.',
      'Stars \\*like\\* this &amp; that: {{x}}',
      'First line with {{ok}}\nsecond line\nthird {{x}}',
    ]
    for (const body of cases) {
      const markdown = `Dear Sam,\n\n${body}\n`
      const e = mergeError(markdown, { ok: 'fine' }, 'row 1')
      expect(e.message, body).toContain('{{x}}')
      expect([e.line, e.column], body).toEqual(at(markdown, '{{x}}'))
    }
  })

  test('an empty or blank cell is an error, never a blank in the letter', () => {
    for (const role of ['', '   ', null]) {
      const e = mergeError(source, { contact: 'Ann', role }, 'row 3')
      expect(e.message).toBe('row 3: placeholder {{role}} has no value in this row or the front matter')
      expect(e.line).toBe(8)
    }
  })

  test('an empty cell is not filled from a front matter field of the same name', () => {
    const e = mergeError('---\nsubject: From the front matter\n---\n\nAbout {{subject}}.', { subject: '' }, 'row 1')
    expect(e.message).toContain('{{subject}}')
  })

  test('a mapping or a list is not text', () => {
    expect(mergeError('Dear {{to}},', { to: { name: 'Ann' } }, 'row 1').message).toBe(
      'row 1: placeholder {{to}} is a mapping or list, not text',
    )
    expect(mergeError('Tags: {{tags}}', { tags: ['a', 'b'] }, 'row 1').message).toContain('is a mapping or list, not text')
  })

  test('without a data row, the message says no field gives the value and names no row', () => {
    const e = mergeError(source, undefined)
    expect(e.message).toBe('placeholder {{contact}} has no value: no front matter field gives it (and no --data row)')
    expect([e.line, e.column]).toEqual([5, 6])
  })

  test('in the front matter, the error names the field and its line', () => {
    const markdown = [
      '---',
      'from: Kim Lee',
      'to:',
      '  name: Hiring Team',
      '  company: "{{company}}"',
      'enclosures:',
      '  - CV',
      '  - Reference from {{referee}}',
      '---',
      '',
      'Dear team,',
    ].join('\n')
    const company = mergeError(markdown, { referee: 'Dr. Jones' }, 'row 4')
    expect(company.message).toBe('row 4: placeholder {{company}} (in field "to.company") has no value in this row or the front matter')
    expect([company.line, company.column]).toEqual([5, 12])
    const referee = mergeError(markdown, { company: 'Acme' }, 'row 5')
    expect(referee.message).toBe('row 5: placeholder {{referee}} (in field "enclosures[1]") has no value in this row or the front matter')
    expect([referee.line, referee.column]).toEqual([8, 5])
    expect(referee.file).toBe(FILE)
  })

  test('a placeholder in a link URL or an image with no value points at the link or image', () => {
    const link = 'Dear Sam,\n\nSee [the posting](https://{{domain}}/jobs).\n'
    const e = mergeError(link, {}, 'row 1')
    expect(e.message).toBe('row 1: placeholder {{domain}} has no value in this row or the front matter')
    expect([e.line, e.column]).toEqual(at(link, '[the posting]'))
    const image = 'Dear Sam,\n\n![logo]({{logo}})\n'
    expect([mergeError(image, {}, 'row 1').line, mergeError(image, {}, 'row 1').column]).toEqual(at(image, '![logo]'))
  })
})
