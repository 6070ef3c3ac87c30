// Structure roles: one closed list that the mapper, the layout and the tagged-PDF renderer share.
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { ROLES, role, type Role } from '../../src/structure/role.js'

type Node = { role?: string; children?: Node[] }

/** Every structure element's role in the PDF's structure tree, all pages. */
async function structureRoles(pdf: Uint8Array): Promise<Set<string>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
  const roles = new Set<string>()
  const walk = (node: Node) => {
    if (node.role) roles.add(node.role)
    for (const child of node.children ?? []) walk(child)
  }
  // pdf.js hands each page's tree under a node of its own, role 'Root'.
  for (let n = 1; n <= doc.numPages; n++)
    for (const node of ((await (await doc.getPage(n)).getStructTree()) as Node).children ?? []) walk(node)
  await doc.destroy()
  return roles
}

const KITCHEN = join(import.meta.dirname, '../fixtures/kitchen-sink/input.md')

describe('structure roles', () => {
  test('role() gives the props the renderer reads: the role, and alt text when there is one', () => {
    expect(role('TD')).toEqual({ role: 'TD' })
    expect(role('Figure', 'A chart')).toEqual({ role: 'Figure', alt: 'A chart' })
  })

  test('a role outside the list does not compile', () => {
    // @ts-expect-error 'Tabel' is no structure role
    role('Tabel')
    const typo: string = 'Para'
    // @ts-expect-error any string is not a Role
    const loose: Role = typo
    expect(loose).toBe('Para')
  })

  test('every structure element the renderer makes is a role from the list (or the Document and its Links)', async () => {
    const options = { sourceDateEpoch: 1_790_000_000, fontDirs: [] }
    const kitchen = await renderLetter(readFileSync(KITCHEN, 'utf8'), { ...options, path: KITCHEN })
    const headings = await renderLetter(
      '---\nfrom: Kim Lee\n---\n\n# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\nText.\n',
      options,
    )
    const made = new Set([...(await structureRoles(kitchen.pdf)), ...(await structureRoles(headings.pdf))])
    const known = new Set<string>([...ROLES, 'Document', 'Link'])
    expect([...made].filter((r) => !known.has(r))).toEqual([])
    // And the list names no role that nothing makes: all but Artifact (which is no structure) appear.
    expect(ROLES.filter((r) => r !== 'Artifact' && !made.has(r))).toEqual([])
  })
})
