/** The language of a BCP 47 tag, lower case: "de-DE" → "de". */
export const languageOf = (lang: string): string => lang.split('-')[0]!.toLowerCase()
