// Reading attachments: the front matter's relative to the letter and confined; the caller's relative to the cwd given.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { readAttachments, type AttachContext } from '../../src/attach/read.js'

let root: string
let context: AttachContext
beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'letterpress-read-')))
  for (const dir of ['letters', 'work/docs']) mkdirSync(join(root, dir), { recursive: true })
  writeFileSync(join(root, 'letters/cv.pdf'), '%PDF-1.7 the CV')
  writeFileSync(join(root, 'work/docs/certificate.pdf'), '%PDF-1.7 the certificate')
  context = {
    baseDir: join(root, 'letters'),
    allowPaths: [],
    cwd: join(root, 'work'),
    file: 'letters/letter.md',
    placeOf: (i) => ({ line: 4, column: 10 + i }),
  }
})

describe('readAttachments', () => {
  test("the caller's paths are relative to the cwd it gives (not the process's), and shown from it", () => {
    const [fromLetter, relative, absolute] = readAttachments(
      ['cv.pdf'],
      ['docs/certificate.pdf', join(root, 'work/docs/certificate.pdf')],
      context,
    )
    expect(fromLetter).toMatchObject({ name: 'cv.pdf', path: join(root, 'letters/cv.pdf'), line: 4, column: 10 })
    expect(Buffer.from(fromLetter!.data).toString()).toBe('%PDF-1.7 the CV')
    expect(relative).toMatchObject({
      name: 'docs/certificate.pdf',
      path: join(root, 'work/docs/certificate.pdf'),
      line: null,
      column: null,
    })
    // An absolute path inside the cwd is shown relative to it.
    expect(absolute).toMatchObject({ name: 'docs/certificate.pdf', path: join(root, 'work/docs/certificate.pdf') })
  })

  test("a path outside the given cwd is shown as given; a missing one names it from the cwd's view", () => {
    const outside = join(root, 'letters/cv.pdf')
    expect(readAttachments([], [outside], context)[0]!.name).toBe(outside)
    expect(() => readAttachments([], [join(root, 'work/docs/missing.pdf')], context)).toThrow(/^attachment "docs\/missing.pdf" not found$/)
  })

  test("the front matter's paths are confined to the letter's folder; the caller's are not", () => {
    expect(() => readAttachments(['../work/docs/certificate.pdf'], [], context)).toThrow(
      expect.objectContaining({
        name: 'LetterError',
        line: 4,
        column: 10,
        message: expect.stringMatching(/is outside the letter's folder/),
      }),
    )
    expect(readAttachments([], ['../letters/cv.pdf'], context)).toHaveLength(1)
  })
})
