import type { z } from 'zod'
import type { LetterMessage, LetterMeta, Person } from '../types.js'
import { LetterError, problemsError, type Problem } from './errors.js'
import { formatDate } from './date.js'
import { didYouMean } from './did-you-mean.js'
import { languageProblem } from './language.js'
import { message, NOWHERE, type Place } from './message.js'
import { knownFields, metaSchema, type RawMeta } from './schema.js'
import type { YamlSource } from './yaml.js'
import { deepMerge } from '../util/merge.js'

/** What each field expects, in words, for error messages. */
const EXPECTED: Record<string, string> = {
  from: 'a name or a mapping (name, title, email, phone, address, links)',
  to: 'a name or a mapping (name, title, company, address)',
  date: 'a date (YYYY-MM-DD), "today", free text, or false',
  subject: 'text',
  lang: 'a language tag such as en-US or de-DE',
  theme: 'a theme name or a path to a theme file',
  layout: 'letter or cv',
  paper: 'A4 or Letter',
  signature: 'a path to a PNG or JPEG image',
  closing: 'text such as "Sincerely,"',
  enclosures: 'a list of text',
  attach: 'a path to a PDF or Markdown file or a list of them',
  cc: 'a list of text',
  output: 'a file name template such as "{from.name}-cover-letter.pdf"',
  'max-pages': 'a whole number of pages, 1 or more',
  fit: 'true or false',
  title: 'text',
  keywords: 'a list of text',
  font: 'a font family name, or a mapping with body, heading, mono',
  colors: 'a mapping of theme colour names to colours such as "#1f3a5f"',
  hyphenate: 'true or false',
  pdfa: 'true or false',
  fallbacks: 'a list of font family names',
  txt: 'true or false',
  name: 'text',
  company: 'text',
  email: 'an e-mail address',
  phone: 'a phone number',
  address: 'a line of text or a list of lines',
  links: 'a list of URLs or { label, url } mappings',
  url: 'a web address such as https://example.com',
  label: 'text',
}

/** Validate one layer (a config file or a letter's front matter): errors throw (every one at once), unknown fields and languages warn. */
export function validateMeta(src: YamlSource, file: string): { raw: RawMeta; warnings: LetterMessage[] } {
  const warnings: LetterMessage[] = []
  const value = src.value ?? {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    const { line, column } = src.place([])
    throw new LetterError('front matter must be a mapping of fields (name: value)', line, column, file)
  }
  const result = metaSchema.safeParse(value)
  if (!result.success) throw problemsError(result.error.issues.map((issue) => issueProblem(issue, src, file)))
  const unknown = (path: string[], known: string[]) => {
    for (const { key, line, column } of src.keys(path)) {
      if (known.includes(key)) continue
      const field = [...path, key].join('.')
      warnings.push(message(`unknown field "${field}"${didYouMean(key, known)}`, 'letterpress:meta', { line, column }))
    }
  }
  unknown([], knownFields.top)
  for (const who of ['from', 'to']) {
    if (typeof (value as Record<string, unknown>)[who] === 'object') unknown([who], knownFields.person)
  }
  const lang = result.data.lang === undefined ? undefined : languageProblem(result.data.lang)
  if (lang) warnings.push(message(`lang "${result.data.lang}": ${lang}`, 'letterpress:meta', src.place(['lang'])))
  return { raw: result.data, warnings }
}

/** Inside a union ("a name or a mapping"), the branch that got furthest says best what is wrong. */
function deepest(issue: z.core.$ZodIssue, base: PropertyKey[] = []): { issue: z.core.$ZodIssue; path: PropertyKey[] } {
  const path = [...base, ...issue.path]
  if (issue.code !== 'invalid_union') return { issue, path }
  const branches = issue.errors.map((branch) => branch[0]).filter((i): i is z.core.$ZodIssue => Boolean(i))
  const best = branches.sort((a, b) => b.path.length - a.path.length)[0]
  return best && best.path.length > 0 ? deepest(best, path) : { issue, path }
}

function issueProblem(found: z.core.$ZodIssue, src: YamlSource, file: string): Problem {
  const { issue, path: raw } = deepest(found)
  const path = raw.map((p) => (typeof p === 'number' ? p : String(p)))
  const { line, column } = src.place(path)
  const field = path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[')
  const named = [...path].reverse().find((p): p is string => typeof p === 'string') ?? ''
  // A refinement says what is wrong with this value; otherwise the field's expectation says what is right.
  const expected = issue.code === 'custom' ? issue.message : (EXPECTED[named] ?? issue.message)
  return { message: `field "${field}" must be ${expected}`, line, column, file }
}

/** Options that the command line or the API lay over the front matter. */
export interface MetaOverrides {
  theme?: string
  paper?: 'A4' | 'Letter'
  maxPages?: number
  fit?: boolean
  pdfa?: boolean
  /** Files the caller appends after the front matter's (--attach): named under Enclosures; an attached PDF rules out the PDF/A claim. */
  attach?: string[]
  /** Seconds since the epoch for "today" (SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number
}

/** A layer with its short forms spelled out ("from: Han Xiao" is a name; "font: X" sets body and headings). */
function expand(layer: RawMeta): RawMeta {
  const out = { ...layer }
  for (const who of ['from', 'to'] as const) if (typeof out[who] === 'string') out[who] = { name: out[who] }
  if (typeof out.font === 'string') out.font = { body: out.font, heading: out.font }
  return out
}

/** Deep-merge layers: later layers win; mappings merge field by field, lists and scalars replace. */
export function mergeLayers(...layers: RawMeta[]): RawMeta {
  return layers.reduce<RawMeta>((acc, layer) => deepMerge(acc, expand(layer)), {})
}

function toPerson(value: RawMeta['from']): Person | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string') return { name: value, address: [], links: [] }
  const address = value.address === undefined ? [] : Array.isArray(value.address) ? value.address : [value.address]
  return {
    name: value.name,
    title: value.title,
    company: value.company,
    email: value.email,
    phone: value.phone === undefined ? undefined : String(value.phone),
    address,
    links: (value.links ?? []).map((l) =>
      typeof l === 'string'
        ? { label: l.replace(/^https?:\/\//, ''), url: l }
        : { label: l.label ?? l.url.replace(/^https?:\/\//, ''), url: l.url },
    ),
  }
}

/** The paper a language region implies: Letter for the US and Canada, A4 elsewhere. */
export function paperForLang(lang: string): 'A4' | 'Letter' {
  const region = lang
    .split('-')
    .slice(1)
    .find((p) => /^[A-Za-z]{2}$/.test(p))
    ?.toUpperCase()
  return region === 'US' || region === 'CA' ? 'Letter' : 'A4'
}

/** A PDF's own Title that names nothing: a file name, a program's "Microsoft Word - …", "Untitled". */
const NO_TITLE = /^\s*$|^(microsoft\s+\w+\s+-\s|untitled\b)|\.(pdf|docx?|odt|rtf|pages|tex|txt|md|html?)\s*$/i

/**
 * How an attachment is listed under Enclosures (and in the outline): its own title when it has one that names
 * something, else its file name without the extension ("cv" for docs/cv.pdf).
 */
export function enclosureName(path: string, title?: string): string {
  if (title !== undefined && !NO_TITLE.test(title)) return title.trim().replace(/\s+/g, ' ')
  const name = path.split(/[\\/]/).pop() ?? path
  return name.replace(/\.(pdf|md|markdown|json)$/i, '') || name
}

/** Resolve merged layers and overrides into the LetterMeta every later step reads. */
export function resolveMeta(raw: RawMeta, overrides: MetaOverrides = {}): LetterMeta {
  const lang = raw.lang ?? 'en'
  const font = typeof raw.font === 'string' ? { body: raw.font, heading: raw.font } : (raw.font ?? {})
  const attach = raw.attach === undefined ? [] : Array.isArray(raw.attach) ? raw.attach : [raw.attach]
  const attached = [...attach, ...(overrides.attach ?? [])]
  return {
    from: toPerson(raw.from),
    to: toPerson(raw.to),
    date: formatDate(raw.date ?? 'today', lang, overrides.sourceDateEpoch),
    subject: raw.subject,
    lang,
    theme: overrides.theme ?? raw.theme ?? 'classic',
    layout: raw.layout ?? 'letter',
    paper: overrides.paper ?? raw.paper ?? paperForLang(lang),
    signature: raw.signature,
    closing: raw.closing,
    // Attached PDFs are listed by file name when the letter does not list its enclosures itself; their own
    // Titles replace these once the files are read (attach/enclosures.ts enclosureNames).
    enclosures: raw.enclosures ?? attached.map((path) => enclosureName(path)),
    attach,
    cc: raw.cc ?? [],
    output: raw.output,
    maxPages: overrides.maxPages ?? raw['max-pages'],
    fit: overrides.fit ?? raw.fit ?? false,
    title: raw.title,
    keywords: raw.keywords ?? [],
    font,
    colors: raw.colors ?? {},
    hyphenate: raw.hyphenate ?? false,
    pdfa: pdfaClaim(overrides.pdfa ?? raw.pdfa, attached).pdfa,
    fallbacks: raw.fallbacks ?? [],
    txt: raw.txt ?? false,
  }
}

/** What an attached file is, by its name: Markdown and JSON Resume parts are letterpress's own (rendered), anything else must be a PDF (copied). */
export type PartKind = 'markdown' | 'resume' | 'pdf'

/** The kind of an attachment, by its extension: the one rule of which parts are letterpress's own. */
export function partKind(path: string): PartKind {
  return /\.(md|markdown)$/i.test(path) ? 'markdown' : /\.json$/i.test(path) ? 'resume' : 'pdf'
}

/**
 * Whether a letter claims PDF/A-2a: as asked (yes unless turned off), but never with attached PDFs, which are
 * copied as they are, unchecked for conformance; a letter that asks for PDF/A and attaches PDFs is warned (at
 * `place`). Attached Markdown is rendered by letterpress into the same tagged file, so it keeps the claim.
 */
export function pdfaClaim(
  asked: boolean | undefined,
  attached: readonly string[],
  place: Place = NOWHERE,
): { pdfa: boolean; warnings: LetterMessage[] } {
  if (attached.every((path) => partKind(path) !== 'pdf')) return { pdfa: asked ?? true, warnings: [] }
  const warnings =
    asked === true
      ? [
          message(
            'no PDF/A claim for a letter with attached PDFs: the attached PDFs are not checked for conformance',
            'letterpress:attach',
            place,
          ),
        ]
      : []
  return { pdfa: false, warnings }
}

/** The front matter's values the letter sets as text (subject, closing, names, addresses, enclosures, cc). */
export function metaTexts(meta: LetterMeta): string[] {
  const texts = [
    meta.subject,
    meta.closing,
    meta.from?.name,
    meta.from?.title,
    meta.to?.name,
    meta.to?.title,
    meta.to?.company,
    ...(meta.to?.address ?? []),
    ...(meta.from?.address ?? []),
    ...meta.enclosures,
    ...meta.cc,
  ]
  return texts.filter((t): t is string => Boolean(t))
}

/** Whether the letter's own front matter has the field at `path` (else it came from the project config). */
export function hasField(raw: RawMeta, path: readonly PropertyKey[]): boolean {
  let node: unknown = raw
  for (const key of path) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return false
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return true
}

/** The recipient's lines as an address block sets them: name, title, company, address. */
export const recipientLines = (to: Person) => [to.name, to.title, to.company, ...to.address].filter((l): l is string => Boolean(l))
