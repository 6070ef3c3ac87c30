// Generated letters for the batch and memory benchmarks: 1 to 3 pages, the three themes, English and German.
const words =
  'the team built a pipeline for research data that halved review time and made every result reproducible across machines while keeping costs low'.split(
    ' ',
  )

/** The i-th benchmark letter (deterministic). */
export function benchLetter(i) {
  const paragraphs = [5, 12, 20][i % 3]
  const theme = ['classic', 'modern', 'din5008'][i % 3 === 0 ? 0 : (i >> 1) % 3]
  const lang = i % 5 === 0 ? 'de-DE' : 'en-GB'
  const body = Array.from({ length: paragraphs }, (_, p) => {
    const n = 45 + ((i * 7 + p * 13) % 40)
    return Array.from({ length: n }, (_, w) => words[(i + p * 3 + w * 5) % words.length]).join(' ') + '.'
  })
  return `---
from: { name: Kim Lee ${i}, address: [1 Road, 12345 City], email: kim@example.com }
to: { name: Sam Doe, company: Company ${i}, address: [2 Street, 54321 Town] }
subject: Application ${i}
date: 2026-11-24
theme: ${theme}
lang: ${lang}
---

Dear Sam,

${body.map((p, k) => (k === 2 ? `- **Lead** ${p}\n- ${p.slice(0, 120)}` : p)).join('\n\n')}

Kind regards,

Kim Lee
`
}
