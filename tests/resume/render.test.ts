// A JSON Resume renders through the same pipeline as a letter: converted to CV Markdown first, its PDF reads
// back every word of the resume, its text is never taken as Markdown, and messages name the JSON's lines.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { resumeToMarkdown } from '../../src/resume/index.js'
import { readPdf } from '../helpers/pdf.js'
import { missingInOrder, plainMarkdown, wordsOf } from '../helpers/readback.js'

const file = join(import.meta.dirname, '../fixtures/resume/resume.json')
const sample = readFileSync(file, 'utf8')
const EPOCH = 1_780_000_000

/** The PDF's text, all pages, white space as single spaces. */
async function pdfText(json: string, path = 'resume.json'): Promise<{ text: string; pdf: Uint8Array; warnings: unknown[] }> {
  const result = await renderLetter(json, { path, sourceDateEpoch: EPOCH })
  const facts = await readPdf(result.pdf)
  return { text: facts.text.join('\n').replace(/\s+/g, ' '), pdf: result.pdf, warnings: result.warnings }
}

/**
 * Every text of a JSON value, in the file's order, but for what is no reading matter (meta, links, the
 * photo) and a profile's network and user name where its URL (shown instead) names them.
 */
function texts(value: unknown, key = ''): string[] {
  if (['meta', '$schema', 'url', 'image'].includes(key)) return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap((v) => texts(v))
  if (value && typeof value === 'object') {
    const linked = 'url' in value && 'username' in value
    return Object.entries(value).flatMap(([k, v]) => (linked && ['network', 'username'].includes(k) ? [] : texts(v, k)))
  }
  return []
}

describe('a JSON Resume renders', () => {
  test('every word of the resume is in the PDF, in the order the CV sets it', async () => {
    const { text } = await pdfText(sample)
    const words = wordsOf(text)
    const markdown = resumeToMarkdown(sample, 'resume.json')
    // The body in order, as the Markdown lays it out.
    expect(missingInOrder(wordsOf(plainMarkdown(markdown)), words)).toEqual([])
    // And each text of the JSON, every one of its words (the sender block's too).
    const missing = texts(JSON.parse(sample)).filter((t) => missingInOrder(wordsOf(t), words).length)
    expect(missing).toEqual([])
    // Entries and their date lines, with the source's own precision.
    expect(text).toContain('Senior Data Engineer, Fjordline Analytics 2021-03 – present · Trondheim')
    expect(text).toContain('Data Engineer, Nordvind Energi 2017-08 – 2021-02')
    expect(text).toContain('Open Data Prize, Trondheim Municipality 2022-11-04')
    expect(text).toContain('Data engineering (Expert): Python, SQL, Apache Kafka, dbt')
  })

  test('the links of the resume are clickable: site, profiles, employers, publications', async () => {
    const result = await renderLetter(sample, { path: 'resume.json', sourceDateEpoch: EPOCH })
    const urls = (await readPdf(result.pdf)).links.map((l) => l.url)
    for (const url of [
      'https://maren.example.org/',
      'https://github.com/marenlund',
      'https://fjordline.example.com/',
      'https://joi.example.org/late-data',
      'mailto:maren.lund@example.org',
    ])
      expect(urls).toContain(url)
    // A profile without a URL (Mastodon, by network and user name) is text on the contact line, not a link to nowhere.
    expect(urls.filter((url) => !/^(https?:\/\/[^/]+|mailto:.+|tel:.+)/.test(url))).toEqual([])
  })

  test('Markdown in the resume is text: the PDF shows exactly the words written', async () => {
    const tricky = [
      '**not bold** _nor this_ `nor code` <b>nor html</b> [nor a link](https://example.com) ~~nor struck~~',
      '# not a heading',
      '1. not a list',
      '- nor this',
      '> nor a quote',
      '| a | table? |',
      'a \\backslash\\ and &amp; stay as written',
    ]
    const resume = {
      basics: { name: 'Kim *Star* Lee', label: '_Lead_ <Engineer>', summary: `${tricky.join('\n')}\n\nA second paragraph.` },
      work: [{ name: 'C# & .NET [Labs]', position: '#1 Engineer', startDate: '2020', highlights: ['+ plus', '=== under', '2) two'] }],
      skills: [{ name: 'Markdown *', keywords: ['_x_', '<y>'] }],
    }
    const markdown = resumeToMarkdown(JSON.stringify(resume, null, 2), 'resume.json')
    const { text } = await pdfText(JSON.stringify(resume, null, 2))
    for (const line of tricky) expect(text).toContain(line)
    expect(text).toContain('Kim *Star* Lee')
    expect(text).toContain('_Lead_ <Engineer>')
    expect(text).toContain('#1 Engineer, C# & .NET [Labs] 2020 – present')
    for (const item of ['+ plus', '=== under', '2) two']) expect(text).toContain(item)
    expect(text).toContain('Markdown *: _x_, <y>')
    // Each line stays a line (a hard break), a blank line a new paragraph: none of it became structure.
    const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
    expect(body.match(/^#{2,3} /gm)).toEqual(['## ', '## ', '### ', '## '])
    expect(body.match(/^(?:[-+*>|]|\d+[.)])/gm)).toEqual(['-', '-', '-', '-'])
  })

  test('a warning about the generated Markdown names the JSON file at the value it shows', async () => {
    const json = sample.replace('"Lead the team that', '"Lead the team 数据 that')
    const { warnings } = await pdfText(json)
    const line = json.split('\n').findIndex((l) => l.includes('数据')) + 1
    const column = json.split('\n')[line - 1]!.indexOf('"Lead') + 1
    expect(warnings).toContainEqual(expect.objectContaining({ line, column, message: expect.stringContaining('U+6570') }))
    // A resume has no front matter of its own: fallback fonts are the project config's.
    const glyph = (warnings as { message: string }[]).find((w) => w.message.includes('U+6570'))!
    expect(glyph.message).toMatch(/add a fallback font \(fallbacks: in the project config, letterpress\.config\.yaml\)$/)
  })

  test('a profile without a url is its label alone, no warning; a url no reader may follow is warned about at its JSON value', async () => {
    const labelled = '{"basics":{"name":"A","profiles":[{"network":"Mastodon","username":"@a@b.c"}]},"work":[{"name":"X"}]}'
    const plain = await pdfText(labelled)
    expect(plain.text).toContain('Mastodon: @a@b.c')
    expect(plain.warnings).toEqual([])
    const json = [
      '{',
      '  "basics": {',
      '    "name": "A",',
      '    "url": "ftp://x.org",',
      '    "profiles": [ { "network": "X", "url": "javascript:alert(1)" } ]',
      '  },',
      '  "work": [ { "name": "X" } ]',
      '}',
    ].join('\n')
    const clickable = 'is set as plain text: only http, https, mailto and tel links are clickable'
    expect((await pdfText(json)).warnings).toEqual([
      { message: `basics.url: "ftp://x.org" ${clickable}`, line: 4, column: 12, source: 'letterpress:meta' },
      { message: `basics.profiles[0].url: "javascript:alert(1)" ${clickable}`, line: 5, column: 44, source: 'letterpress:meta' },
    ])
  })

  test('a broken resume is an error placed in the JSON, before anything is rendered', async () => {
    const json = sample.replace('"startDate": "2017-08"', '"startDate": "Aug 2017"')
    const line = json.split('\n').findIndex((l) => l.includes('Aug 2017')) + 1
    await expect(renderLetter(json, { path: 'resume.json' })).rejects.toMatchObject({
      message: 'work[1].startDate must be a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      line,
      column: 20,
      file: 'resume.json',
    })
  })

  test('the same text named .md is a letter, not a resume', async () => {
    const { text } = await pdfText('Dear Sam,\n\n{ "basics": 1 }\n', 'letter.md')
    expect(text).toContain('{ "basics": 1 }'.replace(/"/g, '”').replace('”basics”', '“basics”'))
  })
})

describe('the same CV as Markdown and as JSON Resume', () => {
  test("letters/cv.md and its JSON Resume twin set each job's entry line alike: title, dates and place, every highlight", async () => {
    const path = join(import.meta.dirname, '../../letters/cv.md')
    const markdown = await renderLetter(readFileSync(path, 'utf8'), { path, sourceDateEpoch: EPOCH })
    const json = readFileSync(join(import.meta.dirname, '../fixtures/resume/ada-lindqvist.json'), 'utf8')
    const resume = await renderLetter(json, { path: 'ada-lindqvist.json', sourceDateEpoch: EPOCH })
    const words = async (pdf: Uint8Array) => ` ${wordsOf((await readPdf(pdf)).text.join('\n')).join(' ')} `
    const [fromMarkdown, fromJson] = await Promise.all([words(markdown.pdf), words(resume.pdf)])
    const { work } = JSON.parse(json) as {
      work: { position: string; name: string; location: string; startDate: string; endDate?: string; highlights?: string[] }[]
    }
    for (const job of work) {
      const line = ` ${wordsOf(`${job.position}, ${job.name} ${job.startDate} – ${job.endDate ?? 'present'} · ${job.location}`).join(' ')} `
      expect(fromMarkdown, job.name).toContain(line)
      expect(fromJson, job.name).toContain(line)
      for (const highlight of job.highlights ?? []) expect(fromJson, highlight).toContain(` ${wordsOf(highlight).join(' ')} `)
    }
    expect(resume.meta.layout).toBe('cv')
    expect(resume.title).toBe(markdown.title)
  })
})
