/** Whether a value is a plain mapping (not a list, date or null). */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/** Deep-merge: mappings merge key by key, anything else in `b` replaces; `undefined` leaves `a`. */
export function deepMerge<T>(a: T, b: unknown): T {
  if (b === undefined) return a
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Record<string, unknown> = { ...a }
    // Defined, not assigned: a key such as "__proto__" from a letter stays a key and never becomes a prototype.
    for (const [k, v] of Object.entries(b))
      Object.defineProperty(out, k, {
        value: deepMerge(Object.hasOwn(a, k) ? a[k] : undefined, v),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    return out as T
  }
  return b as T
}
