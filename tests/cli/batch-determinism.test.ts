// A letter's PDF depends on the letter alone: not on what its worker rendered before it. Small letters in the
// style of the CommonMark spec's examples are rendered each in its own process, then as batches in two orders
// and at one and two jobs; every PDF must be byte-identical to the one rendered alone, and its text layer must
// hold every word. Letters with composite glyphs (Ä, Ď, Ӓ, Ŵ: the font builds them from A, D, W) come before
// letters with the plain glyph in one order or the other, as in a batch of the spec's examples.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { BIN, letterpress, project, projectEnv } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'

/** Each letter: its Markdown and the words its text layer must hold. */
const CORPUS: Record<string, [markdown: string, words: string[]]> = {
  '01-entities': ['&nbsp; &amp; &copy; &AElig; &Dcaron;\n&frac34; &#35; &#1234; &#992;', ['©', 'Æ', 'Ď', '¾', '#', 'Ӓ', 'Ϡ']],
  '02-umlauts': ['Äpfel, Öl und Übermut', ['Äpfel,', 'Öl', 'und', 'Übermut']],
  '03-paragraph': [
    '1.  A paragraph\n    with two lines.\n\n        indented code\n\n    > A block quote.',
    ['1.', 'A', 'paragraph', 'with', 'two', 'lines.', 'indented', 'code', 'block', 'quote.'],
  ],
  '04-a': ['A', ['A']],
  '05-heading': ['# A heading\n\nDear Sam, under it.', ['A', 'heading', 'Dear', 'Sam,', 'under', 'it.']],
  '06-list': ['- A list item\n- another item\n\n  A continuation', ['A', 'list', 'item', 'another', 'continuation']],
  '07-emphasis': ['*A* emphasis, **A** strong, ***A*** both', ['A', 'emphasis,', 'strong,', 'both']],
  '08-flow-ligature': ['ﬂow and ﬁne', ['ﬂow', 'and', 'ﬁne']],
  '09-ligatures': ['office affair fluffy', ['office', 'affair', 'fluffy']],
  '10-i-acute': ['i\u0301 and j\u0301', ['i\u0301', 'and', 'j\u0301']],
  '11-turkish': ['Türkçe ılık ışık', ['Türkçe', 'ılık', 'ışık']],
  '12-code': ['`A` in code and\n\n```\nDone\n```', ['A', 'in', 'code', 'and', 'Done']],
  '13-nbsp': ['Dear A and 10\u00a0km', ['Dear', 'A', 'and', '10', 'km']],
  '14-greek': ['Ἀθῆναι Α Ω ά', ['Ἀθῆναι', 'Α', 'Ω', 'ά']],
  '15-cyrillic': ['Ӓ А а Ё Й', ['Ӓ', 'А', 'а', 'Ё', 'Й']],
  '16-table': ['| A | B |\n|---|:-:|\n| a | Ä |', ['A', 'B', 'a', 'Ä']],
  '17-quote': ['> A quote\n> with Ď', ['A', 'quote', 'with', 'Ď']],
  '18-link': ['[A](http://example.com) and <http://a.example>', ['A', 'and', 'http://a.example']],
  '19-hard-break': ['A  \nB\\\nC', ['A', 'B', 'C']],
  '20-setext': ['A\n===\n\nB\n---', ['A', 'B']],
  '21-capitals': ['ABC DEF A B C', ['ABC', 'DEF', 'A', 'B', 'C']],
  '22-ordered': ['1. A\n2. B\n3. C', ['A', 'B', 'C']],
  '23-nested': ['- A\n  - B\n    - C', ['A', 'B', 'C']],
  '24-world': ['Wide World Web, yes', ['Wide', 'World', 'Web,', 'yes']],
  '25-marks': ['a\u0301 e\u0300 o\u0302 n\u0303', ['a\u0301', 'e\u0300', 'o\u0302', 'n\u0303']],
  '26-mixed': ['Æsop, Œuvre, Straße', ['Æsop,', 'Œuvre,', 'Straße']],
  '27-task': ['- [ ] A\n- [x] Dy', ['A', 'Dy']],
  '28-math': ['∀ x ∈ A: x ≤ ∑', ['∀', 'x', '∈', 'A:', '≤', '∑']],
  '29-fractions': ['½ ¼ ¾ and 1/2', ['½', '¼', '¾', 'and', '1/2']],
  '30-circumflex': ['Ŵŷ and Ŷŵ', ['Ŵŷ', 'and', 'Ŷŵ']],
  // Front matter: another theme, hyphenation and another family are set up in the worker for one letter only.
  '31-modern': [
    '---\ntheme: modern\nfrom: Kai Berg\n---\n\nDear Sam,\n\nA Web of Words.\n',
    ['Kai', 'Berg', 'Dear', 'Sam,', 'A', 'Web', 'of', 'Words.'],
  ],
  '32-hyphenated': [
    `---\nlang: de\nhyphenate: true\n---\n\nA ${'Donaudampfschifffahrtsgesellschaft und Rechtsschutzversicherungsgesellschaften werden getrennt. '.repeat(6)}`,
    ['A', 'und', 'werden'],
  ],
  '33-sans': ['---\nfont: Noto Sans\n---\n\nŴ Ď Ä, then W D A', ['Ŵ', 'Ď', 'Ä,', 'then', 'W', 'D', 'A']],
}
const NAMES = Object.keys(CORPUS)
const env = { SOURCE_DATE_EPOCH: '1790000000' }

const files = (names: string[]) => names.map((name) => `letters/${name}.md`)
/** The batches, by output folder: the letters named in an order (or their folder), at a number of jobs (none: the default). */
const BATCHES: Record<string, { inputs: string[]; jobs?: number }> = {
  'forward-1': { inputs: files(NAMES), jobs: 1 },
  'reverse-1': { inputs: files([...NAMES].reverse()), jobs: 1 },
  'forward-2': { inputs: files(NAMES), jobs: 2 },
  'reverse-2': { inputs: files([...NAMES].reverse()), jobs: 2 },
  'default-jobs': { inputs: ['letters'] },
}

let dir: string
const pdfOf = (out: string, name: string) => readFileSync(join(dir, out, `${name}.pdf`))

/** Run the binary without waiting for it: its exit code and stderr. */
function started(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: projectEnv(dir, env),
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => done({ code, stderr }))
  })
}

beforeAll(async () => {
  dir = project(Object.fromEntries(NAMES.map((name) => [`letters/${name}.md`, CORPUS[name]![0]])))
  // Alone: one process per letter, so nothing rendered before it (two processes at a time).
  const queue = [...NAMES]
  const next = async (): Promise<void> => {
    const name = queue.shift()
    if (!name) return
    const r = await started([`letters/${name}.md`, '--out', 'alone'])
    expect(r.code, `${name}: ${r.stderr}`).toBe(0)
    return next()
  }
  await Promise.all([next(), next()])
  for (const [out, { inputs, jobs }] of Object.entries(BATCHES)) {
    const r = letterpress(dir, [...inputs, '--out', out, ...(jobs ? ['--jobs', String(jobs)] : [])], env)
    expect(r.code, `${out}: ${r.stderr}`).toBe(0)
  }
}, 600_000)

describe('a letter in a batch', () => {
  test('is byte-identical to the letter rendered alone, first or last in a batch, at one, two or the default jobs', () => {
    for (const out of Object.keys(BATCHES)) {
      const differing = NAMES.filter((name) => !pdfOf(out, name).equals(pdfOf('alone', name)))
      expect(differing, out).toEqual([])
    }
  })

  test('has every word of its text in its text layer, alone and in every batch', async () => {
    for (const out of ['alone', ...Object.keys(BATCHES)]) {
      for (const name of NAMES) {
        const text = (await readPdf(pdfOf(out, name))).text.join('\n')
        // NFKC: the reader spells out ligatures (ﬂ as fl) and composes marks.
        const words = new Set(text.normalize('NFKC').split(/\s+/))
        const missing = CORPUS[name]![1].filter((word) => !words.has(word.normalize('NFKC')))
        expect(missing, `${out}/${name}.pdf reads ${JSON.stringify(text)}`).toEqual([])
      }
    }
  })
})
