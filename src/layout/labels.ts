import { languageOf } from '../parse/language.js'

/** Words the layout itself sets, by language; English is the fallback. */
export interface Labels {
  page: (n: number, total: number) => string
  enclosures: (count: number) => string
  cc: string
  date: string
  phone: string
  email: string
  web: string
  /** What a CV is called, in its document title. */
  cv: string
  /** The letter's name in a one-file application's outline when it has no title of its own. */
  letter: string
}

const en: Labels = {
  page: (n, total) => `Page ${n} of ${total}`,
  enclosures: (count) => (count > 1 ? 'Enclosures' : 'Enclosure'),
  cc: 'cc',
  date: 'Date',
  phone: 'Phone',
  email: 'Email',
  web: 'Web',
  cv: 'CV',
  letter: 'Letter',
}

const de: Labels = {
  page: (n, total) => `Seite ${n} von ${total}`,
  enclosures: (count) => (count > 1 ? 'Anlagen' : 'Anlage'),
  cc: 'Kopie an',
  date: 'Datum',
  phone: 'Telefon',
  email: 'E-Mail',
  web: 'Web',
  cv: 'Lebenslauf',
  letter: 'Anschreiben',
}

const fr: Labels = {
  page: (n, total) => `Page ${n} sur ${total}`,
  enclosures: (count) => (count > 1 ? 'Pièces jointes' : 'Pièce jointe'),
  cc: 'Copie à',
  date: 'Date',
  phone: 'Téléphone',
  email: 'E-mail',
  web: 'Web',
  cv: 'CV',
  letter: 'Lettre',
}

const BY_LANGUAGE: Record<string, Labels> = { en, de, fr }

/** The labels for a language tag such as de-DE. */
export const labelsFor = (lang: string): Labels => BY_LANGUAGE[languageOf(lang)] ?? en

/** The labelled lines under the signature, as the layout sets them: "Enclosures: …", "cc: …" (none when empty). */
export function annotationLines(labels: Labels, enclosures: string[], cc: string[]): string[] {
  return [
    ...(enclosures.length ? [`${labels.enclosures(enclosures.length)}: ${enclosures.join(', ')}`] : []),
    ...(cc.length ? [`${labels.cc}: ${cc.join(', ')}`] : []),
  ]
}
