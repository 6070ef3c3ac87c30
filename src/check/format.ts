import type { CheckReport } from './report.js'

/** The report as lines for a terminal: a verdict, then each problem. */
export function formatCheck(file: string, report: CheckReport): string[] {
  const lines: string[] = []
  const words = report.words
    ? `, ${report.words.matched}/${report.words.expected} words in order (${(report.words.score * 100).toFixed(1)} %)${report.words.hyphenated ? `, ${report.words.hyphenated} hyphenated at a line end` : ''}`
    : ''
  lines.push(`${report.ok ? '✓' : '✗'} ${file}: ${report.pages} page${report.pages === 1 ? '' : 's'}${words}`)
  const notes = report.attachedFonts.map(
    ({ file, fonts }) => `note: fonts not embedded in ${file}: ${fonts.join(', ')} (its author's; no failure)`,
  )
  return [...lines, ...checkProblems(report).map((p) => `  ${p}`), ...notes.map((n) => `  ${n}`)]
}

/** Each problem of a report as one line (the first 20 word problems, then how many more). */
export function checkProblems(report: CheckReport): string[] {
  const lines: string[] = []
  for (const p of report.wordProblems.slice(0, 20)) {
    lines.push(`${p.part ? `${p.part}: ` : ''}${p.kind} word "${p.word}"${p.found ? ` (reads "${p.found}")` : ''}`)
  }
  if (report.wordProblems.length > 20) lines.push(`… and ${report.wordProblems.length - 20} more`)
  for (const name of report.fontsNotEmbedded) lines.push(`font not embedded: ${name}`)
  for (const field of report.metadataMissing) lines.push(`metadata missing: ${field}`)
  for (const problem of report.pageProblems) lines.push(problem)
  return lines
}
