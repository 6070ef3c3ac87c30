/** The language of a BCP 47 tag, lower case: "de-DE" → "de". */
export const languageOf = (lang: string): string => lang.split('-')[0]!.toLowerCase()

// Names from the ICU data Node ships: a code without a name is no language or region Intl knows.
const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })

/** What is unknown in a well-formed language tag ("xx" of "xx-YY" is no language), or undefined when Intl knows it all. */
export function languageProblem(tag: string): string | undefined {
  let locale: Intl.Locale
  try {
    locale = new Intl.Locale(tag)
  } catch {
    return 'not a language tag such as en-US or de-DE'
  }
  const known = (names: Intl.DisplayNames, code: string) => {
    try {
      return names.of(code) !== undefined
    } catch {
      return false
    }
  }
  // "und" (undetermined) names no language; Intl reports it as no language at all.
  const language = locale.language || languageOf(tag)
  if (!locale.language || language === 'und' || !known(LANGUAGES, language))
    return `"${language}" is not a known language (a code such as en, de or fr)`
  if (locale.region && !known(REGIONS, locale.region)) return `"${locale.region}" is not a known region (a code such as US, GB or DE)`
  return undefined
}
