import { z } from 'zod'
import { isoDay } from '../parse/date.js'

/** A JSON Resume date: a year, a month or a day (ISO 8601 as the schema writes it), naming a real day. */
const date = z.string().refine((text) => /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$/.test(text) && isoDay(text) !== null, 'date')

const text = z.string()
const texts = z.array(z.string())

const location = z.strictObject({
  address: text.optional(),
  postalCode: text.optional(),
  city: text.optional(),
  countryCode: text.optional(),
  region: text.optional(),
})

const profile = z.strictObject({ network: text.optional(), username: text.optional(), url: text.optional() })

const basics = z.strictObject({
  name: text.optional(),
  label: text.optional(),
  image: text.optional(),
  email: text.optional(),
  phone: text.optional(),
  url: text.optional(),
  summary: text.optional(),
  location: location.optional(),
  profiles: z.array(profile).optional(),
})

const work = z.strictObject({
  name: text.optional(),
  location: text.optional(),
  description: text.optional(),
  position: text.optional(),
  url: text.optional(),
  startDate: date.optional(),
  endDate: date.optional(),
  summary: text.optional(),
  highlights: texts.optional(),
})

const volunteer = z.strictObject({
  organization: text.optional(),
  position: text.optional(),
  url: text.optional(),
  startDate: date.optional(),
  endDate: date.optional(),
  summary: text.optional(),
  highlights: texts.optional(),
})

const education = z.strictObject({
  institution: text.optional(),
  url: text.optional(),
  area: text.optional(),
  studyType: text.optional(),
  startDate: date.optional(),
  endDate: date.optional(),
  score: text.optional(),
  courses: texts.optional(),
})

const award = z.strictObject({ title: text.optional(), date: date.optional(), awarder: text.optional(), summary: text.optional() })

const certificate = z.strictObject({ name: text.optional(), date: date.optional(), url: text.optional(), issuer: text.optional() })

const publication = z.strictObject({
  name: text.optional(),
  publisher: text.optional(),
  releaseDate: date.optional(),
  url: text.optional(),
  summary: text.optional(),
})

const skill = z.strictObject({ name: text.optional(), level: text.optional(), keywords: texts.optional() })

const language = z.strictObject({ language: text.optional(), fluency: text.optional() })

const interest = z.strictObject({ name: text.optional(), keywords: texts.optional() })

const reference = z.strictObject({ name: text.optional(), reference: text.optional() })

const project = z.strictObject({
  name: text.optional(),
  description: text.optional(),
  highlights: texts.optional(),
  keywords: texts.optional(),
  startDate: date.optional(),
  endDate: date.optional(),
  url: text.optional(),
  roles: texts.optional(),
  entity: text.optional(),
  type: text.optional(),
})

const meta = z.strictObject({ canonical: text.optional(), version: text.optional(), lastModified: text.optional() })

/** The JSON Resume schema, v1.0.0, strictly: every field optional, no field of its own. */
export const resumeSchema = z.strictObject({
  $schema: text.optional(),
  basics: basics.optional(),
  work: z.array(work).optional(),
  volunteer: z.array(volunteer).optional(),
  education: z.array(education).optional(),
  awards: z.array(award).optional(),
  certificates: z.array(certificate).optional(),
  publications: z.array(publication).optional(),
  skills: z.array(skill).optional(),
  languages: z.array(language).optional(),
  interests: z.array(interest).optional(),
  references: z.array(reference).optional(),
  projects: z.array(project).optional(),
  meta: meta.optional(),
})

export type Resume = z.infer<typeof resumeSchema>

/** The mapping's schema at a JSON path (array indexes skipped), for the field names an unknown key may have meant. */
export function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = resumeSchema
  for (const segment of path) {
    if (typeof segment === 'number') continue
    schema = unwrap(schema)
    if (schema instanceof z.ZodArray) schema = unwrap(schema.element as z.ZodType)
    if (!(schema instanceof z.ZodObject)) return []
    schema = (schema.shape as Record<string, z.ZodType>)[String(segment)] ?? z.never()
  }
  schema = unwrap(schema)
  if (schema instanceof z.ZodArray) schema = unwrap(schema.element as z.ZodType)
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
}
