// A broken JSON Resume is never rendered: each problem is placed at its line:column, names its JSON path and,
// for an unknown key, the field it was probably meant to be.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LetterError } from '../../src/parse/errors.js'
import { resumeToMarkdown } from '../../src/resume/index.js'

const dir = join(import.meta.dirname, '../fixtures/resume')

/** Every problem of a resume as `file:line:column message`. */
function problems(json: string, file = 'resume.json'): string[] {
  try {
    resumeToMarkdown(json, file)
  } catch (error) {
    expect(error).toBeInstanceOf(LetterError)
    return (error as LetterError).problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)
  }
  throw new Error('the resume was converted')
}

const broken = (name: string) => problems(readFileSync(join(dir, 'broken', name), 'utf8'), name)

describe('broken resumes', () => {
  test('malformed JSON is placed where the parser stopped', () => {
    expect(broken('malformed.json')).toEqual(['malformed.json:5:5 invalid JSON: a comma (,) or "}" must follow a value'])
  })

  test('malformed JSON is placed at its first wrong character, with a reason in one line', () => {
    const value = 'a value must be a string in double quotes, a number, true, false, null, an object or a list'
    const cases: [string, string][] = [
      ['{\n  "basics": { "name": "A" },\n  "education": [ { "institution": NTUA, "area": "CS" } ]\n}\n', `3:35 invalid JSON: ${value}`],
      ['{\n  "basics": { "name": \'X\' }\n}\n', `2:23 invalid JSON: ${value}`],
      ['{\n  "basics": { "name": Dev\n  }\n}\n', `2:23 invalid JSON: ${value}`],
      ['{\n  "basics": { "name": "A", }\n}\n', '2:26 invalid JSON: a trailing comma before "}": remove it'],
      ['{\n  "basics": { "name": "A" },\n  "work": [ { "name": "X" }, ]\n}\n', '3:28 invalid JSON: a trailing comma before "]": remove it'],
      ['{\n  "basics": { "name": "A" }\n  "work": []\n}\n', '3:3 invalid JSON: a comma (,) or "}" must follow a value'],
      ['{\n  "basics": { "name": "A', '2:25 invalid JSON: the file ends before the JSON does: the string at 2:23 is not closed'],
      ['{\n  // me\n  "basics": { "name": "A" }\n}\n', '2:3 invalid JSON: JSON has no comments (// or /* */): remove it'],
      ["{ 'basics': {} }", '1:3 invalid JSON: a key must be a string in double quotes'],
      ['{ "basics": { "name": "A\\q" } }', '1:25 invalid JSON: "\\q" is no JSON escape: write \\\\ for a backslash, \\n for a line break'],
      ['{ "basics": { "name": "A" } } x', '1:31 invalid JSON: text after the end of the JSON (one object holds the whole resume)'],
    ]
    for (const [json, expected] of cases) {
      const found = problems(json)
      expect(found).toEqual([`resume.json:${expected}`])
      expect(found[0]).not.toMatch(/\n/)
    }
  })

  test('wrong types name the JSON path and what it must be, every one at once', () => {
    expect(broken('wrong-type.json')).toEqual([
      'wrong-type.json:4:17 basics.profiles must be a list ([…])',
      'wrong-type.json:9:21 work[0].highlights must be a list ([…])',
      'wrong-type.json:12:57 skills[0].keywords[1] must be text (a JSON string in quotes)',
    ])
  })

  test('unknown keys are placed at the key, with the nearest field of that object', () => {
    expect(broken('unknown-key.json')).toEqual([
      'unknown-key.json:2:44 basics.emial is not a JSON Resume field; did you mean "email"?',
      'unknown-key.json:6:7 work[0].positon is not a JSON Resume field; did you mean "position"?',
      'unknown-key.json:10:3 hobbies is not a JSON Resume field',
    ])
  })

  test('dates must be YYYY, YYYY-MM or YYYY-MM-DD and name a real day; an empty end says how to write "present"', () => {
    expect(broken('bad-date.json')).toEqual([
      'bad-date.json:7:20 work[1].startDate must be a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'bad-date.json:8:18 work[1].endDate must be a date (YYYY, YYYY-MM or YYYY-MM-DD); leave endDate out for an entry that goes on (present)',
      'bad-date.json:11:52 awards[0].date must be a date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ])
  })

  test('a resume without basics.name is an error: a CV starts with the name', () => {
    expect(broken('no-name.json')).toEqual([
      'no-name.json:2:13 basics.name is missing: a CV starts with the name of the person it is about',
    ])
    expect(problems('{ "work": [] }')).toEqual([
      'resume.json:1:1 basics.name is missing: a CV starts with the name of the person it is about',
    ])
    expect(problems('{\n  "basics": { "name": "  " }\n}')).toEqual([
      'resume.json:2:23 basics.name is empty: a CV starts with the name of the person it is about',
    ])
    expect(problems('{\n  "basics": { "name": "" },\n  "work": [ { "name": "X" } ]\n}')).toEqual([
      'resume.json:2:23 basics.name is empty: a CV starts with the name of the person it is about',
    ])
  })

  test('JSON that is no resume, ends early, repeats a key or nests past reason is placed too', () => {
    expect(problems('[1, 2]')).toEqual(['resume.json:1:1 a JSON Resume is an object ({ "basics": { "name": … }, "work": [ … ] })'])
    expect(problems('{\n  "basics": {\n    "name": "Kim"\n')).toEqual([
      'resume.json:4:1 invalid JSON: the file ends before the JSON does: the "{" at 2:13 is not closed',
    ])
    expect(problems('{\n  "basics": { "name": "Kim", "name": "Lee" }\n}')).toEqual([
      'resume.json:2:30 basics.name is given twice in one object (JSON keeps only the last)',
    ])
    expect(problems('{ "basics": { "name": "K" },\n  "work": [ {}, { "url": "a", "url": "b" } ] }')).toEqual([
      'resume.json:2:31 work[1].url is given twice in one object (JSON keeps only the last)',
    ])
    expect(problems(`{ "basics": ${'['.repeat(40)}${']'.repeat(40)} }`)[0]).toMatch(
      /^resume\.json:1:\d+ JSON nested more than 32 levels deep/,
    )
  })

  test('a resume with nothing besides basics is an error about its sections, not about front matter', () => {
    expect(problems('{\n  "basics": { "name": "Kim", "email": "kim@example.org" }\n}')).toEqual([
      'resume.json:1:1 the resume has nothing to show besides basics: add work, education, skills or another JSON Resume section',
    ])
  })

  test('the full sample converts', () => {
    const markdown = resumeToMarkdown(readFileSync(join(dir, 'resume.json'), 'utf8'), 'resume.json')
    expect(markdown).toMatch(/^---\nlayout: cv\nfrom:\n {2}name: "Maren Okafor-Lund"\n/)
  })
})
