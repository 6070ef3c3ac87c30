/** Whether a value is a plain mapping (not a list, date or null). */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/** Deep-merge: mappings merge key by key, anything else in `b` replaces; `undefined` leaves `a`. */
export function deepMerge<T>(a: T, b: unknown): T {
  if (b === undefined) return a
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Record<string, unknown> = { ...a }
    for (const [k, v] of Object.entries(b)) out[k] = deepMerge(a[k], v)
    return out as T
  }
  return b as T
}
