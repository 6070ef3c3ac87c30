import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml'
import { LetterError } from './errors.js'

/** Parsed YAML with a way to find the line and column of any value or key by its path. */
export interface YamlSource {
  value: unknown
  /** Place of the value at `path` (or of its key when `key` is set); the nearest existing ancestor otherwise. */
  place(path: readonly PropertyKey[], key?: boolean): { line: number; column: number }
  /** Keys of the mapping at `path` with their places. */
  keys(path: readonly PropertyKey[]): { key: string; line: number; column: number }[]
}

/** Parse YAML text whose first line is `firstLine` in the file; bad YAML throws a LetterError with its place. */
export function parseYaml(text: string, file: string, firstLine = 1, what = 'front matter'): YamlSource {
  const counter = new LineCounter()
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number) => {
    const { line, col } = counter.linePos(offset)
    return { line: line + firstLine - 1, column: col }
  }
  const error = doc.errors[0]
  if (error) {
    const { line, column } = at(error.pos[0])
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')
    throw new LetterError(`invalid YAML ${what}: ${reason}`, line, column, file)
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    // Aliases fail only here (an alias to no anchor, too many aliases): point at the first alias.
    let place = { line: firstLine, column: 1 }
    visit(doc, {
      Alias(_, node) {
        if (node.range) place = at(node.range[0])
        return visit.BREAK
      },
    })
    throw new LetterError(`invalid YAML ${what}: ${(e as Error).message.split('\n')[0]}`, place.line, place.column, file)
  }
  const nodeAt = (path: readonly PropertyKey[], key: boolean): Node | undefined => {
    let node: unknown = doc.contents
    let last: Node | undefined = node as Node
    for (let i = 0; i < path.length; i++) {
      if (!node || typeof node !== 'object' || !('items' in node)) break
      const items = (node as { items: unknown[] }).items
      const segment = path[i]
      const pair = isMap(node)
        ? (items as { key: unknown; value: unknown }[]).find((p) => isScalar(p.key) && String(p.key.value) === String(segment))
        : undefined
      const next = isMap(node) ? (key && i === path.length - 1 ? pair?.key : pair?.value) : items[Number(segment)]
      if (!next) break
      node = next
      last = next as Node
    }
    return last
  }
  const odd = unplainAt(value)
  if (odd) {
    const node = nodeAt(odd, false) as { tag?: string } | undefined
    const tag = node?.tag?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'this tag'
    const field = odd
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '')
    const { line, column } = (node as Node | undefined)?.range ? at((node as Node).range![0]) : { line: firstLine, column: 1 }
    throw new LetterError(
      `invalid YAML ${what}: "${field}" is a ${tag} value; only text, numbers, true/false, dates, lists and mappings are read`,
      line,
      column,
      file,
    )
  }
  return {
    value,
    place(path, key = false) {
      const node = nodeAt(path, key)
      return node?.range ? at(node.range[0]) : { line: firstLine, column: 1 }
    },
    keys(path) {
      const node = path.length ? nodeAt(path, false) : (doc.contents as Node | null)
      if (!node || !isMap(node)) return []
      return node.items.flatMap((pair) =>
        isScalar(pair.key) && pair.key.range ? [{ key: String(pair.key.value), ...at(pair.key.range[0]) }] : [],
      )
    },
  }
}

/** The path of the first value that is not plain data (binary, a set, an ordered map: YAML tags beyond JSON's types). */
function unplainAt(value: unknown): (string | number)[] | undefined {
  const stack: [unknown, (string | number)[]][] = [[value, []]]
  while (stack.length) {
    const [v, path] = stack.pop()!
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date)
      continue
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]])
    else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, child] of Object.entries(v).reverse()) stack.push([child, [...path, k]])
    } else return path
  }
  return undefined
}
