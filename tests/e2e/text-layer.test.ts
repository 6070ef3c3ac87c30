// The text layer reads back every word: formatting boundaries inside a word ("**Scale**:", "(*word*)", a link
// followed by ",") are never turned into hyphenation points that insert a "-" at a line end.
import { describe, expect, test } from 'vitest'
import { renderLetter } from '../../src/index.js'
import { readPdf } from '../helpers/pdf.js'
import { missingInOrder, plainMarkdown, wordsOf } from '../helpers/readback.js'

/** A small deterministic generator, so the letter is the same on every run. */
function* numbers(seed: number) {
  let x = seed
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31
    yield x / 2 ** 31
  }
}

function formattedLetter(seed: number): string {
  const random = numbers(seed)
  const next = () => random.next().value as number
  const words =
    'interpretability production research engineering systems models pipelines scale training infrastructure documentation'.split(' ')
  const paragraphs = Array.from({ length: 40 }, () =>
    Array.from({ length: 6 + Math.floor(next() * 9) }, () => {
      const w = words[Math.floor(next() * words.length)]!
      const r = next()
      return r < 0.25 ? `**${w}**:` : r < 0.4 ? `(*${w}*)` : r < 0.5 ? `[${w}](https://x.org/${w}),` : r < 0.6 ? `\`${w}\`;` : w
    }).join(' '),
  )
  return `Dear Sam,\n\n${paragraphs.join('\n\n')}\n\nSincerely,\nKim\n`
}

describe('text layer', () => {
  test.each([3, 7])('a letter full of inline formatting reads back every word, no inserted hyphens (seed %i)', async (seed) => {
    const markdown = formattedLetter(seed)
    const { pdf } = await renderLetter(markdown, { sourceDateEpoch: 1_790_000_000, fontDirs: [] })
    const text = (await readPdf(pdf)).text.join('\n')
    expect(text.split('\n').filter((line) => /-$/.test(line))).toEqual([])
    expect(missingInOrder(wordsOf(plainMarkdown(markdown)), wordsOf(text))).toEqual([])
  })
})
