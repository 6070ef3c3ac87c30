import { jsonPath } from './json-path.js'

/** Where a text stops being JSON a resume can be read from, and why in a user's words (one line). */
export interface JsonError {
  offset: number
  message: string
}

const VALUE = 'a value must be a string in double quotes, a number, true, false, null, an object or a list'
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u'])

/** Thrown inside the scan at the first problem; the scan stops there. */
class Stop {
  constructor(readonly found: JsonError) {}
}

/**
 * The first place where a text is not strict JSON (RFC 8259), or repeats a key (JSON would keep only the
 * last), with its reason; undefined for JSON a resume can be read from.
 * The parser's own messages name no position (Node 20) and quote raw excerpts, so the scan finds both itself.
 * `at` names a place (`line:column`) for messages that point back to an opening bracket. Nesting is bounded before.
 */
export function jsonError(text: string, at: (offset: number) => string): JsonError | undefined {
  let i = 0
  const open: number[] = []
  const path: (string | number)[] = []
  const stop = (offset: number, reason: string): never => {
    throw new Stop({ offset, message: `invalid JSON: ${reason}` })
  }
  const ended = (quote?: number): never => {
    const last = quote ?? open[open.length - 1]
    const which = last === undefined ? '' : `: the ${quote === undefined ? `"${text[last]}"` : 'string'} at ${at(last)} is not closed`
    return stop(text.length, `the file ends before the JSON does${which}`)
  }
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
    if (text.startsWith('//', i) || text.startsWith('/*', i)) stop(i, 'JSON has no comments (// or /* */): remove it')
  }
  const string = () => {
    const start = i++
    for (; i < text.length; i++) {
      const c = text[i]!
      if (c === '"') return void i++
      if (c === '\\') {
        const next = text[i + 1]
        if (next === undefined) break
        if (!ESCAPES.has(next) || (next === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))))
          stop(i, `"\\${next.trim() ? next : ''}" is no JSON escape: write \\\\ for a backslash, \\n for a line break`)
        i++
      } else if (c < ' ') stop(i, `the string opened at ${at(start)} must end on its line with " (write \\n for a line break)`)
    }
    ended(start)
  }
  const closing = (close: '}' | ']') => {
    space()
    const c = text[i]
    if (c === undefined) ended()
    if (c === close) return true
    if (c !== ',') stop(i, `a comma (,) or "${close}" must follow a value`)
    const comma = i++
    space()
    if (text[i] === close) stop(comma, `a trailing comma before "${close}": remove it`)
    return false
  }
  const value = (): void => {
    space()
    const c = text[i]
    if (c === undefined) return ended()
    if (c === '"') return string()
    if (c === '{' || c === '[') {
      open.push(i++)
      space()
      const close = c === '{' ? '}' : ']'
      const keys = new Set<string>()
      if (text[i] !== close) {
        let index = 0
        do {
          if (c === '{') {
            space()
            if (text[i] === undefined) ended()
            if (text[i] !== '"') stop(i, 'a key must be a string in double quotes')
            const start = i
            string()
            const key = JSON.parse(text.slice(start, i)) as string
            if (keys.has(key)) {
              const message = `${jsonPath([...path, key])} is given twice in one object (JSON keeps only the last)`
              throw new Stop({ offset: start, message })
            }
            keys.add(key)
            path.push(key)
            space()
            if (text[i] === undefined) ended()
            if (text[i] !== ':') stop(i, 'a colon (:) must follow a key')
            i++
          } else path.push(index++)
          value()
          path.pop()
        } while (!closing(close))
      }
      open.pop()
      return void i++
    }
    NUMBER.lastIndex = i
    const number = NUMBER.exec(text)?.[0]
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i))
    const length = number?.length ?? word?.length
    if (length === undefined || /[\w.]/.test(text[i + length] ?? '')) stop(i, VALUE)
    i += length!
  }
  try {
    value()
    space()
    if (i < text.length) stop(i, 'text after the end of the JSON (one object holds the whole resume)')
    return undefined
  } catch (error) {
    if (error instanceof Stop) return error.found
    throw error
  }
}
