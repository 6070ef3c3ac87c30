/** A person in the letter: the sender (`from`) or the recipient (`to`). */
export interface Person {
  name?: string
  title?: string
  company?: string
  email?: string
  phone?: string
  address: string[]
  links: { label: string; url: string }[]
}

/** Front matter after validation, layering and defaults. */
export interface LetterMeta {
  from?: Person
  to?: Person
  /** `false` hides the date; otherwise the text to print, already formatted for `lang`. */
  date: string | false
  subject?: string
  lang: string
  theme: string
  /** A letter (the default) or a CV: sections, entries with their dates, the name and one contact line at the top. */
  layout: 'letter' | 'cv'
  paper: 'A4' | 'Letter'
  signature?: string
  closing?: string
  enclosures: string[]
  /** Files (PDFs, Markdown) to append after the letter, as the front matter (or the config, made absolute) gives them. */
  attach: string[]
  cc: string[]
  output?: string
  maxPages?: number
  fit: boolean
  title?: string
  keywords: string[]
  font: { body?: string; heading?: string; mono?: string }
  /** Theme colours the letter overrides (validated with the theme). */
  colors: Record<string, string>
  hyphenate: boolean
  /** Claim PDF/A-2a (the default): XMP identification, an sRGB output intent, every font embedded, tagged. */
  pdfa: boolean
  /** Font families tried, in order, for characters the theme's fonts lack (before the theme's own fallbacks). */
  fallbacks: string[]
  /** Also write the letter as plain text beside its PDF (`txt: true`). */
  txt: boolean
}

/** A warning or error with its place in the letter, as printed `file:line:column`. */
export interface LetterMessage {
  message: string
  line: number | null
  column: number | null
  source: string
  /** The file the message is about when it is not the letter itself (a config or theme file). */
  file?: string
}
