// Property: any Markdown letter with any front matter ends in a PDF or a LetterError — never another exception,
// a hang or a crash. `npm test` runs a few cases; `npm run fuzz` runs 10,000 (FUZZ_RUNS).
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { LetterError, renderLetter } from '../../src/index.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 12)
/** Longer than any sane render of these small letters: past it the case counts as a hang. */
const HANG_MS = 30_000

// Text with what hostile letters contain: combining marks, right-to-left scripts, emoji (with joiners),
// control characters, CJK, very long tokens, Markdown punctuation.
const pieces = fc.constantFrom(
  'word',
  'Straße',
  'naïve',
  'e\u0301\u0302',
  'שלום עולם',
  'مرحبا بالعالم',
  '😀',
  '👩‍💻',
  '🇩🇪',
  '\u0007',
  '\u200b',
  '\u202e',
  '中文',
  '≤ ≥ →',
  '"quoted"',
  "it's",
  '--',
  '...',
  '*',
  '_',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '&amp;',
  '\\',
  '|',
  '#',
  'https://example.com/a--b',
  'mailto:x@y.z',
  'javascript:alert(1)',
)
const word = fc.oneof(
  pieces,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.nat(400).map((n) => 'x'.repeat(n)),
)
const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '))
const inline = fc.oneof(
  line,
  line.map((t) => `*${t}*`),
  line.map((t) => `**${t}**`),
  line.map((t) => `~~${t}~~`),
  line.map((t) => `\`${t}\``),
  fc
    .tuple(line, fc.constantFrom('https://example.com', 'mailto:a@b.c', 'tel:+1', 'javascript:x', 'file:///etc/passwd', 'data:,x', '#top'))
    .map(([t, u]) => `[${t}](${u})`),
  line.map((t) => `![${t}](missing.png)`),
  line.map((t) => `${t}[^n]`),
  line.map((t) => `<span>${t}</span>`),
)
const paragraph = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '))

const block: fc.Memo<string> = fc.memo((n) =>
  n <= 1
    ? fc.oneof(
        paragraph,
        paragraph.map((p) => `## ${p}`),
        fc.constant('---'),
        paragraph.map((p) => `\`\`\`\n${p}\n\`\`\``),
      )
    : fc.oneof(
        paragraph,
        fc.tuple(fc.integer({ min: 1, max: 6 }), paragraph).map(([d, p]) => `${'#'.repeat(d)} ${p}`),
        block(n - 1).map((b) =>
          b
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n'),
        ),
        fc
          .tuple(fc.constantFrom('1.', '-', '- [x]', '- [ ]'), fc.array(block(n - 1), { minLength: 1, maxLength: 3 }))
          .map(([marker, items]) =>
            items.map((b, i) => `${marker === '1.' ? `${i + 7}.` : marker} ${b.split('\n').join('\n   ')}`).join('\n'),
          ),
        fc
          .array(fc.array(line, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 })
          .map((rows) =>
            ['| a | b |', '|:--|--:|', ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '')).join(' | ')} |`)].join('\n'),
          ),
        fc.constant('<div>\n<script>alert(1)</script>\n</div>'),
        fc.constant('[^n]: a footnote'),
      ),
)

const frontValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.constant('[1, 2]'),
  fc.constant('{ name: X }'),
  fc.constant('2026-11-24'),
  fc.constant('"unclosed'),
)
// Mostly valid fields, so most letters get as far as layout; some broken ones for the error paths.
const validField = fc.oneof(
  fc.constant('from: Kim Lee'),
  fc.constant('to: { name: Sam, company: Acme, address: [1 Road, City] }'),
  fc.constant('date: 2026-11-24'),
  fc.constant('lang: de-DE'),
  fc.constant('lang: en-US'),
  fc.constant('theme: modern'),
  fc.constant('theme: din5008'),
  fc.constant('hyphenate: true'),
  fc.constant('max-pages: 1'),
  fc.constant('fit: true'),
  fc.constant('closing: Best,'),
  fc.constant('subject: "A & B <c>"'),
)
const validFront = fc
  .array(validField, { maxLength: 5 })
  .map((fields) =>
    fields.length
      ? `---\n${[...new Set(fields.map((f) => f))].filter((f, i, all) => all.findIndex((g) => g.split(':')[0] === f.split(':')[0]) === i).join('\n')}\n---\n\n`
      : '',
  )
const anyFront = fc.option(
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'from',
          'to',
          'date',
          'subject',
          'lang',
          'theme',
          'paper',
          'closing',
          'max-pages',
          'fit',
          'hyphenate',
          'form',
          'colors',
          'font',
          'fallbacks',
          'signature',
        ),
        frontValue,
      ),
      { maxLength: 6 },
    )
    .map(
      (fields) =>
        `---\n${fields.map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v).slice(1, -1) : v}`).join('\n')}\n---\n\n`,
    ),
  { nil: '' },
)
const frontMatter = fc.oneof({ weight: 4, arbitrary: validFront }, { weight: 1, arbitrary: anyFront })
const letter = fc
  .tuple(frontMatter, fc.array(block(4), { minLength: 1, maxLength: 6 }))
  .map(([front, blocks]) => `${front}${blocks.join('\n\n')}\n`)

describe('any letter', () => {
  test(`ends in a PDF or a LetterError (${RUNS} generated letters)`, async () => {
    let cases = 0
    let pdfs = 0
    const errors = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(letter, async (markdown) => {
        cases++
        if (process.env.FUZZ_LOG) (await import('node:fs')).appendFileSync(process.env.FUZZ_LOG, JSON.stringify(markdown) + '\n')
        const started = performance.now()
        const outcome = await Promise.race([
          renderLetter(markdown, { sourceDateEpoch: 1_790_000_000, fontDirs: [] }).then(
            (r) => r,
            (e: unknown) => e,
          ),
          new Promise((resolve) => setTimeout(() => resolve(new Error(`no result after ${HANG_MS} ms`)), HANG_MS).unref()),
        ])
        if (process.env.FUZZ_LOG)
          (await import('node:fs')).appendFileSync(process.env.FUZZ_LOG, `# ${Math.round(performance.now() - started)} ms\n`)
        if (outcome instanceof LetterError) {
          errors.set(
            outcome.message.replace(/".*"/g, '"…"').slice(0, 60),
            (errors.get(outcome.message.replace(/".*"/g, '"…"').slice(0, 60)) ?? 0) + 1,
          )
          return
        }
        if (outcome instanceof Error) throw outcome
        const { pdf, pages } = outcome as { pdf: Uint8Array; pages: number }
        expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
        expect(pages).toBeGreaterThan(0)
        pdfs++
      }),
      // A fixed seed in `npm test` keeps CI reproducible; `npm run fuzz` explores new letters each time.
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261125 },
    )
    console.log(`fuzz: ${cases} letters, ${pdfs} PDFs, ${cases - pdfs} LetterErrors, 0 failures`)
    if (process.env.FUZZ_RUNS)
      console.log(
        [...errors]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([m, n]) => `  ${n}× ${m}`)
          .join('\n'),
      )
  })
})
