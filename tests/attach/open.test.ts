// Opening an attachment: refused when encrypted or unreadable, warned of when pdf-lib read past damage.
import { beforeAll, describe, expect, test } from 'vitest'
import { attachJob } from '../../src/attach/job.js'
import { openAttachment } from '../../src/attach/open.js'
import type { Attachment } from '../../src/attach/read.js'
import type { LetterMessage } from '../../src/types.js'
import { rejection } from '../helpers/letters.js'
import { makePdf } from '../helpers/make-pdf.js'

let good: string
beforeAll(async () => {
  good = Buffer.from(await makePdf(['Page one', 'Page two'], { title: 'Kim Lee CV' })).toString('latin1')
})

const attachment = (data: string | Uint8Array, name = 'cv.pdf'): Attachment => ({
  name,
  path: `/letters/${name}`,
  file: `letters/${name}`,
  kind: 'pdf',
  data: typeof data === 'string' ? Buffer.from(data, 'latin1') : data,
  line: 4,
  column: 9,
})

async function open(data: string | Uint8Array): Promise<{ pages?: number; title?: string; warnings: LetterMessage[]; error?: Error }> {
  const warnings: LetterMessage[] = []
  const job = await attachJob('letters/letter.md', warnings)
  try {
    const doc = await openAttachment(job, attachment(data))
    return { pages: doc.getPageCount(), title: doc.getTitle(), warnings }
  } catch (error) {
    return { warnings, error: error as Error }
  }
}

describe('openAttachment', () => {
  test('an undamaged PDF opens with its pages and Title, without a warning', async () => {
    expect(await open(good)).toEqual({ pages: 2, title: 'Kim Lee CV', warnings: [] })
  })

  test('a PDF cut off halfway is damaged: an error naming the file, at its place, for the letter', async () => {
    const { error } = await open(good.slice(0, good.length / 2))
    expect(error).toMatchObject({ name: 'LetterError', line: 4, column: 9, file: 'letters/letter.md' })
    expect(error!.message).toMatch(/^attachment "cv.pdf" is damaged and could not be read \(/)
  })

  test('a PDF without pages is damaged', async () => {
    const { error } = await open(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    )
    expect(error?.message).toBe('attachment "cv.pdf" is damaged and could not be read (it has no pages)')
  })

  test('a wrong startxref offset is read past, and warned of at its place', async () => {
    const { pages, warnings } = await open(good.replace(/startxref\s+\d+/, 'startxref\n12'))
    expect(pages).toBe(2)
    expect(warnings).toEqual([
      {
        message: 'attachment "cv.pdf" was damaged (its cross-reference table is broken) and has been repaired; check its pages in the PDF',
        line: 4,
        column: 9,
        source: 'letterpress:attach',
      },
    ])
  })

  test('a missing startxref is a broken cross-reference table too; junk before "%PDF-" with offsets from the header is not', async () => {
    expect((await open(good.replace(/startxref\s+\d+/, ''))).warnings).toHaveLength(1)
    // Offsets that count from "%PDF-" (some writers do), with junk before it: the table is where they say.
    expect(await open(`junk before the header\n${good}`)).toMatchObject({ pages: 2, warnings: [] })
  })

  test('an encrypted PDF is refused by name', async () => {
    const { error } = await open(await makePdf(['Secret'], { ownerPassword: 'owner' }))
    expect(error?.message).toBe('attachment "cv.pdf" is encrypted; attach an unencrypted copy')
  })

  test('each attachment is opened once: a second open returns the same document and warns no second time', async () => {
    const warnings: LetterMessage[] = []
    const job = await attachJob('letter.md', warnings)
    const repaired = attachment(good.replace(/startxref\s+\d+/, 'startxref\n12'))
    const first = await openAttachment(job, repaired)
    expect(await openAttachment(job, repaired)).toBe(first)
    expect(warnings).toHaveLength(1)
    expect(await rejection(openAttachment(job, attachment('%PDF-1.7 nothing else')))).toMatchObject({ name: 'LetterError' })
  })
})
