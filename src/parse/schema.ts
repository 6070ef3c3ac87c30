import { z } from 'zod'
import { dateProblem } from './date.js'

/** Whether Intl accepts a BCP 47 language tag (dates are formatted with it). */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && /^[a-z]{2,3}\b/i.test(tag)
  } catch {
    return false
  }
}

/** A string or a list of strings, normalised to a list of lines. */
const lines = z.union([z.string(), z.array(z.string())])

const link = z.union([z.string(), z.strictObject({ label: z.string().optional(), url: z.string() })])

const person = z.looseObject({
  name: z.string().optional(),
  title: z.string().optional(),
  company: z.string().optional(),
  email: z.string().optional(),
  phone: z.union([z.string(), z.number()]).optional(),
  address: lines.optional(),
  links: z.array(link).optional(),
})

const fontChoice = z.union([
  z.string(),
  z.strictObject({ body: z.string().optional(), heading: z.string().optional(), mono: z.string().optional() }),
])

/** The front matter schema of DESIGN.md; every field optional. */
export const metaSchema = z.looseObject({
  from: z.union([z.string(), person]).optional(),
  to: z.union([z.string(), person]).optional(),
  date: z
    .union([z.string(), z.literal(false), z.date()])
    .superRefine((d, ctx) => {
      const problem =
        typeof d === 'string' ? dateProblem(d) : d instanceof Date && Number.isNaN(d.getTime()) ? 'a day that exists' : undefined
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .optional(),
  subject: z.string().optional(),
  lang: z.string().refine(isLanguageTag, 'a language tag such as en-US or de-DE').optional(),
  theme: z.string().optional(),
  layout: z.enum(['letter', 'cv']).optional(),
  paper: z.enum(['A4', 'Letter']).optional(),
  signature: z.string().optional(),
  closing: z.string().optional(),
  enclosures: z.array(z.string()).optional(),
  /** PDFs appended after the letter: one path or a list, relative to the letter's folder. */
  attach: z.union([z.string(), z.array(z.string())]).optional(),
  cc: z.array(z.string()).optional(),
  output: z.string().optional(),
  'max-pages': z.number().int().positive().optional(),
  fit: z.boolean().optional(),
  title: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  font: fontChoice.optional(),
  colors: z.record(z.string(), z.string()).optional(),
  hyphenate: z.boolean().optional(),
  pdfa: z.boolean().optional(),
  fallbacks: z.array(z.string()).optional(),
  /** Also write the letter as plain text (NAME.txt beside the PDF). */
  txt: z.boolean().optional(),
})

/** Field names known at the top level and inside `from`/`to`, for "did you mean" suggestions. */
export const knownFields = {
  top: Object.keys(metaSchema.shape),
  person: Object.keys(person.shape),
}

export type RawMeta = z.infer<typeof metaSchema>
