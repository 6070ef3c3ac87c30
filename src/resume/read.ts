import type { z } from 'zod'
import { didYouMean } from '../parse/did-you-mean.js'
import { LetterError, problemsError, type Problem } from '../parse/errors.js'
import type { Place } from '../parse/message.js'
import { parseYaml } from '../parse/yaml.js'
import { jsonError } from './json-error.js'
import { jsonPath } from './json-path.js'
import { knownKeys, resumeSchema, type Resume } from './schema.js'

/** A path into the JSON: keys and array indexes. */
export type JsonPath = (string | number)[]

/** A JSON Resume as read: its data, and the place of any value (or key) in the file. */
export interface ResumeSource {
  resume: Resume
  place(path: readonly (string | number)[], key?: boolean): Place
}

/** The deepest nesting read; the schema itself is four levels deep. */
const MAX_DEPTH = 32

/** Fields that hold dates, by the schema's names. */
const DATES = new Set(['startDate', 'endDate', 'date', 'releaseDate'])

const DATE = 'a date (YYYY, YYYY-MM or YYYY-MM-DD)'

/** What a value of each JSON type is called in messages. */
const TYPES: Record<string, string> = {
  string: 'text (a JSON string in quotes)',
  array: 'a list ([…])',
  object: 'an object ({…})',
}

/**
 * Read a JSON Resume: strict JSON, then every schema problem at once (wrong types, unknown keys with the
 * nearest known one, bad dates, no name), each a LetterError placed at its line:column and naming its JSON path.
 */
export function readResume(json: string, file: string): ResumeSource {
  const text = json.replace(/^\uFEFF/, '')
  const at = lineColumn(text)
  checkDepth(text, at, file)
  // Strict JSON first, by a scan that says where and why in one line (the parser's messages may name no place).
  const broken = jsonError(text, (offset) => {
    const { line, column } = at(offset)
    return `${line}:${column}`
  })
  if (broken) {
    const { line, column } = at(broken.offset)
    throw new LetterError(broken.message, line, column, file)
  }
  const value: unknown = JSON.parse(text)
  const places = jsonPlaces(text, file)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const { line, column } = places([])
    throw new LetterError('a JSON Resume is an object ({ "basics": { "name": … }, "work": [ … ] })', line, column, file)
  }
  const result = resumeSchema.safeParse(value)
  const problems: Problem[] = result.success ? [] : result.error.issues.flatMap((issue) => issueProblems(issue, places, file))
  const name = (value as { basics?: { name?: unknown } }).basics?.name
  if (name === undefined || (typeof name === 'string' && !name.trim())) {
    const basics = (value as { basics?: unknown }).basics
    const { line, column } = places(basics === undefined ? [] : name === undefined ? ['basics'] : ['basics', 'name'])
    const said = name === undefined ? 'missing' : 'empty'
    problems.push({ message: `basics.name is ${said}: a CV starts with the name of the person it is about`, line, column, file })
  }
  if (problems.length) throw problemsError(problems)
  return { resume: result.data!, place: places }
}

/** One zod issue as the problems it stands for: an unknown key each on its own, at the key. */
function issueProblems(issue: z.core.$ZodIssue, places: ResumeSource['place'], file: string): Problem[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)))
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const { line, column } = places([...path, key], true)
      const hint = didYouMean(key, knownKeys(path))
      return { message: `${jsonPath([...path, key])} is not a JSON Resume field${hint}`, line, column, file }
    })
  }
  const { line, column } = places(path)
  const field = [...path].reverse().find((p): p is string => typeof p === 'string') ?? ''
  let expected: string
  if (DATES.has(field) && typeof path[path.length - 1] === 'string') expected = DATE
  else if (issue.code === 'invalid_type') expected = TYPES[issue.expected] ?? issue.expected
  else expected = issue.message
  const open = field === 'endDate' ? '; leave endDate out for an entry that goes on (present)' : ''
  return [{ message: `${jsonPath(path)} must be ${expected}${expected === DATE ? open : ''}`, line, column, file }]
}

/** The line and column (1-based) of an offset in the text. */
function lineColumn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (starts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - starts[low]! + 1 }
  }
}

/** Nesting past MAX_DEPTH is an error at its bracket, before any parser recurses into it. */
function checkDepth(text: string, at: ReturnType<typeof lineColumn>, file: string): void {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') {
      if (++depth > MAX_DEPTH) {
        const { line, column } = at(i)
        throw new LetterError(`JSON nested more than ${MAX_DEPTH} levels deep; a JSON Resume is four`, line, column, file)
      }
    } else if (c === '}' || c === ']') depth--
  }
}

/** The places of the JSON's values, read by the YAML parser (JSON is YAML; a key given twice is found before). */
function jsonPlaces(text: string, file: string): ResumeSource['place'] {
  try {
    const source = parseYaml(text, file, 1, 'JSON')
    return (path, key) => source.place(path, key)
  } catch {
    // Valid JSON the YAML parser reads otherwise: messages name the path, at the start of the file.
    return () => ({ line: 1, column: 1 })
  }
}
