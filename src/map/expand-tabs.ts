/** Columns between tab stops in code: what most editors and `expand -t 4` use. */
export const TAB_STOP = 4

/** Replace each tab by the spaces that reach the next tab stop, counting columns from each line's start. */
export function expandTabs(text: string, stop = TAB_STOP): string {
  if (!text.includes('\t')) return text
  return text
    .split('\n')
    .map((line) => {
      let out = ''
      let column = 0
      for (const char of line) {
        if (char === '\t') {
          const spaces = stop - (column % stop)
          out += ' '.repeat(spaces)
          column += spaces
        } else {
          out += char
          column += 1
        }
      }
      return out
    })
    .join('\n')
}
