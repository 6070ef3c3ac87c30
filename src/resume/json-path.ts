/** A JSON path as people write it: work[1].startDate. */
export function jsonPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || '(the whole file)'
}
