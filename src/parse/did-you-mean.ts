import { closest, distance } from 'fastest-levenshtein'

/** A hint naming the known name nearest to an unknown one ('; did you mean "from"?'), or '' when none is near. */
export function didYouMean(name: string, known: readonly string[]): string {
  if (!known.length) return ''
  const near = closest(name, [...known])
  return distance(name, near) <= Math.max(2, Math.floor(name.length / 2)) ? `; did you mean "${near}"?` : ''
}
