// Letters the fuzz tests once broke, kept as files: each must still end in a PDF or a LetterError.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LetterError, renderLetter } from '../../src/index.js'

const dir = join(import.meta.dirname, 'regressions')

describe('letters the fuzz tests found', () => {
  test.each(readdirSync(dir).filter((f) => f.endsWith('.md')))('%s ends in a PDF or a LetterError', async (file) => {
    const markdown = readFileSync(join(dir, file), 'utf8')
    const outcome = await renderLetter(markdown, { path: file, sourceDateEpoch: 1_790_000_000, fontDirs: [] }).catch((e: unknown) => e)
    if (outcome instanceof LetterError) return
    expect(outcome).not.toBeInstanceOf(Error)
    expect(Buffer.from((outcome as { pdf: Uint8Array }).pdf.subarray(0, 5)).toString()).toBe('%PDF-')
  })
})
