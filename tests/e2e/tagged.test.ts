// Tagged PDF: the structure tree read back with pdf.js, as a screen reader or ATS parser gets it.
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'

type Node = { role?: string; alt?: string; type?: string; id?: string; children?: Node[] }

/** The structure tree of each page, and the text of each marked-content id. */
async function structure(pdf: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
  const pages: { tree: Node; text: Map<string, string> }[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const tree = (await page.getStructTree()) as Node
    const content = await page.getTextContent({ includeMarkedContent: true })
    const text = new Map<string, string>()
    let current: string | null = null
    for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' && item.id) current = item.id
      else if (item.type === 'endMarkedContent') current = null
      else if (current && item.str) text.set(current, (text.get(current) ?? '') + item.str)
    }
    pages.push({ tree, text })
  }
  await doc.destroy()
  return pages
}

/** Roles in document order, each with the text of its own content (children's roles listed separately). */
function flatten(
  node: Node,
  text: Map<string, string>,
  out: { role: string; depth: number; text: string; alt?: string }[] = [],
  depth = 0,
) {
  for (const child of node.children ?? []) {
    if (!child.role) continue
    const own = (child.children ?? [])
      .filter((c) => c.type === 'content')
      .map((c) => text.get(c.id!) ?? '')
      .join('')
      .trim()
    out.push({ role: child.role, depth, text: own, ...(child.alt !== undefined && { alt: child.alt }) })
    flatten(child, text, out, depth + 1)
  }
  return out
}

const KITCHEN = join(import.meta.dirname, '../fixtures/kitchen-sink/input.md')

describe('tagged PDF', () => {
  test('the kitchen-sink letter has a Document with headings, paragraphs, lists, a table and a figure with its alt text', async () => {
    const { pdf } = await renderLetter(readFileSync(KITCHEN, 'utf8'), { path: KITCHEN, sourceDateEpoch: 1_790_000_000, fontDirs: [] })
    const [page1] = await structure(pdf)
    const roles = flatten(page1!.tree, page1!.text)
    expect(roles[0]).toMatchObject({ role: 'Document', depth: 0 })
    const names = roles.map((r) => r.role)
    for (const role of [
      'H1',
      'H3',
      'H4',
      'P',
      'BlockQuote',
      'Code',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'TR',
      'TH',
      'TD',
      'Figure',
      'Link',
    ])
      expect(names, role).toContain(role)
    // One Link element per link target and block: the letterhead's e-mail, then web, mail, phone (two lines,
    // one element) and the reference link in the first paragraph; the javascript: link is no link at all.
    expect(names.filter((n) => n === 'Link')).toHaveLength(5)
    expect(roles.find((r) => r.role === 'H1')!.text).toBe('Kitchen sink')
    expect(roles.find((r) => r.role === 'H3')!.text).toBe('Third-level heading')
    expect(roles.filter((r) => r.role === 'TH').map((r) => r.text)).toEqual(['Skill', 'Years', 'Level'])
    expect(roles.filter((r) => r.role === 'TD').map((r) => r.text)).toEqual(['Rust', '4', 'expert', 'Python', '9', 'expert'])
    expect(roles.find((r) => r.role === 'Figure')!.alt).toBe('A small chart')
    // Ordered items are labelled with their numbers; bullets are decoration, not labels.
    expect(
      roles
        .filter((r) => r.role === 'Lbl')
        .map((r) => r.text)
        .slice(0, 2),
    ).toEqual(['7.', '8.'])
    expect(roles.filter((r) => r.role === 'Lbl').map((r) => r.text)).not.toContain('•')
  })

  test('structure order is reading order; the running header of page 2 is an artifact, not structure', async () => {
    const body = Array.from({ length: 14 }, (_, i) => `## Part ${i + 1}\n\nParagraph ${i + 1} ${'with some words '.repeat(30)}`).join(
      '\n\n',
    )
    const { pdf } = await renderLetter(`---\nfrom: Kim Lee\nsubject: Long\n---\n\nDear Sam,\n\n${body}\n\nSincerely,\nKim Lee\n`, {
      sourceDateEpoch: 1_790_000_000,
      fontDirs: [],
    })
    const pages = await structure(pdf)
    expect(pages.length).toBeGreaterThan(1)
    const headings = pages
      .flatMap((p) => flatten(p.tree, p.text))
      .filter((r) => r.role === 'H2' && r.text)
      .map((r) => r.text)
    expect(headings).toEqual(Array.from({ length: 14 }, (_, i) => `Part ${i + 1}`).filter((h) => headings.includes(h)))
    expect(new Set(headings).size).toBe(14)
    const texts = pages
      .flatMap((p) => flatten(p.tree, p.text))
      .map((r) => r.text)
      .join(' ')
    expect(texts).not.toMatch(/Page \d of \d/)
  })

  test('a CV: its name is the H1, sections H2, entries H3 (each ending with its dates), links tagged, in reading order', async () => {
    const cv = [
      '---',
      'layout: cv',
      'from: { name: Ada Lindqvist, email: ada@example.com, links: [github.com/ada] }',
      '---',
      '## Experience',
      '### Research Engineer, Northwind Labs\n2023 – present · Stockholm',
      '- Built interpretability tooling',
      '## Education',
      '### M.Sc. Computer Science, KTH\n2016 – 2018',
    ].join('\n\n')
    const { pdf } = await renderLetter(cv, { sourceDateEpoch: 1_790_000_000, fontDirs: [] })
    const [page] = await structure(pdf)
    const roles = flatten(page!.tree, page!.text).filter((r) => r.text || r.role === 'Link')
    expect(roles.map((r) => `${r.role} ${r.text}`.trim())).toEqual([
      'H1 Ada Lindqvist',
      'P ada@example.com · github.com/ada',
      'Link',
      'Link',
      'H2 Experience',
      // The dates end the entry's heading: one run of text, so that every extractor reads them after the title.
      'H3 Research Engineer, Northwind Labs 2023 – present · Stockholm',
      'LBody Built interpretability tooling',
      'H2 Education',
      'H3 M.Sc. Computer Science, KTH 2016 – 2018',
    ])
  })
})
