// The PDF text extractors résumé parsers use, run on a PDF file: poppler's pdftotext and pdfminer.six's pdf2txt.
import { spawnSync } from 'node:child_process'

/** Text of a PDF from an extractor on the PATH, or undefined when it is not installed. */
function extract(command: string, args: string[]): string | undefined {
  const r = spawnSync(command, args, { encoding: 'utf8' })
  return r.error ? undefined : r.stdout
}

/** The PDF's text from each extractor that is installed (pdftotext in `mode`: -layout or -raw); a warning names one that is not (CI installs both). */
export function readBacks(pdf: string, what: string, mode: '-layout' | '-raw' = '-layout'): { command: string; text: string }[] {
  const found: { command: string; text: string }[] = []
  for (const [command, args] of [
    ['pdftotext', [mode, '-enc', 'UTF-8', pdf, '-']],
    ['pdf2txt', [pdf]],
  ] as const) {
    const text = extract(command, [...args])
    if (text === undefined)
      console.warn(`${command} is not installed (Debian: poppler-utils, python3-pdfminer): its read-back of ${what} is not tested`)
    else found.push({ command, text })
  }
  return found
}
