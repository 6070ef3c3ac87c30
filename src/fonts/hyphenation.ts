import { Font } from '@react-pdf/renderer'

type Hyphenator = { hyphenateSync(text: string): string }

const SOFT_HYPHEN = '\u00ad'
const loaded = new Map<string, Hyphenator | null>()

/** The `hyphen` patterns for a language tag (en-GB → en-gb, else en), or null when there are none. */
async function patternsFor(lang: string): Promise<Hyphenator | null> {
  const [language = 'en', region] = lang.toLowerCase().split('-')
  const candidates = [region ? `${language}-${region}` : '', language === 'en' ? 'en-us' : language].filter(Boolean)
  for (const name of candidates) {
    if (loaded.has(name)) {
      const known = loaded.get(name)
      if (known) return known
      continue // no patterns under this name: try the next candidate (de-at → de)
    }
    try {
      // Patterns load only when a letter asks for hyphenation, so a plain render never pays for them.
      const module = (await import(`hyphen/${name}/index.js`)) as { default: Hyphenator }
      loaded.set(name, module.default)
      return module.default
    } catch {
      loaded.set(name, null)
    }
  }
  return null
}

/** A word as it may stand in a name: no punctuation around it, no possessive ending ("Smith’s", "Hans'"). */
const bare = (word: string) => word.replace(/[^\p{L}\p{M}'’-]/gu, '').replace(/['’]s?$/u, '')

/** Words never split: URLs, e-mail addresses, numbers, short words and the names in the letter. */
const keepWhole = (word: string, names: Set<string>) =>
  word.length < 6 || /[@/:\d]|\.\w/.test(word) || names.has(word.replace(/[^\p{L}\p{M}'’-]/gu, '')) || names.has(bare(word))

/**
 * Set react-pdf's hyphenation for the next render. Off by default: whole words only, so the text layer reads
 * back whole. When enabled, the language's patterns split words, but never URLs, e-mail addresses or names.
 * Returns false when the language has no patterns (hyphenation then stays off).
 */
export async function useHyphenation(enabled: boolean, lang: string, names: string[]): Promise<boolean> {
  const hyphenator = enabled ? await patternsFor(lang) : null
  const spared = new Set(names.flatMap((n) => n.split(/\s+/)).filter(Boolean))
  Font.registerHyphenationCallback((word) =>
    !hyphenator || keepWhole(word, spared) ? [word] : hyphenator.hyphenateSync(word).split(SOFT_HYPHEN),
  )
  return !enabled || hyphenator !== null
}
