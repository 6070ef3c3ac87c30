import type { Root } from 'mdast'
import remarkSmartypants from 'remark-smartypants'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { LetterMeta } from '../types.js'
import { languageOf } from './language.js'

type Quotes = { double: string; single: string }

/** Opening and closing quotation marks by language; English marks for any other. */
const QUOTES: Record<string, { open: Quotes; close: Quotes }> = {
  en: { open: { double: '“', single: '‘' }, close: { double: '”', single: '’' } },
  de: { open: { double: '„', single: '‚' }, close: { double: '“', single: '‘' } },
  fr: { open: { double: '«', single: '‹' }, close: { double: '»', single: '›' } },
}

const processors = new Map<string, ReturnType<typeof build>>()

function build(language: string) {
  const quotes = QUOTES[language] ?? QUOTES.en!
  // "--" is an en dash and "---" an em dash; "..." an ellipsis; straight quotes and apostrophes curl.
  return unified().use(remarkSmartypants, { dashes: 'oldschool', openingQuotes: quotes.open, closingQuotes: quotes.close })
}

/** A line of plain text (the subject from front matter) with the same punctuation as the letter's body. */
export function smartenText(text: string, lang: string): string {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] }
  smartenPunctuation(tree, lang)
  return (tree.children[0] as { children: { value: string }[] }).children[0]!.value
}

/** The meta with its subject and title in the body's typography (curly quotes, dashes, guillemets), as the letter sets them. */
export function smartenMeta(meta: LetterMeta): LetterMeta {
  const subject = meta.subject === undefined ? undefined : smartenText(meta.subject, meta.lang)
  const title = meta.title === undefined ? undefined : smartenText(meta.title, meta.lang)
  return { ...meta, subject, title }
}

/** Set the letter's punctuation for its language, in place: curly quotes, apostrophes, dashes, ellipses. */
export function smartenPunctuation(tree: Root, lang: string): Root {
  const language = languageOf(lang)
  if (!processors.has(language)) processors.set(language, build(language))
  // The text of links that spell out an address (a bare URL or e-mail) is kept exactly as written:
  // "a--b..." in a URL must not become "a–b…". SmartyPants only visits text nodes, so hide these meanwhile.
  const hidden: { type: string }[] = []
  visit(tree, 'link', (link) => {
    for (const child of link.children) {
      if (child.type === 'text' && (child.value === link.url || /:\/\/|@/.test(child.value) || link.url.endsWith(child.value))) {
        hidden.push(child)
        ;(child as { type: string }).type = 'addressText'
      }
    }
  })
  processors.get(language)!.runSync(tree)
  for (const node of hidden) node.type = 'text'
  const closingSingle = (QUOTES[language] ?? QUOTES.en!).close.single
  // SmartyPants sets an apostrophe as the closing single quote; where that is not ’ (German ‘), an
  // apostrophe between letters ("bin's") is still ’.
  if (closingSingle !== '’')
    visit(tree, 'text', (node) => {
      node.value = node.value.replace(new RegExp(`(?<=\\p{L})${closingSingle}(?=\\p{L})`, 'gu'), '’')
    })
  // French sets a narrow no-break space inside guillemets (« systèmes »), replacing any space written there.
  if (language === 'fr')
    visit(tree, 'text', (node) => {
      node.value = node.value.replace(/([«‹])[ \u00a0\u202f]*/g, '$1\u202f').replace(/[ \u00a0\u202f]*([»›])/g, '\u202f$1')
    })
  return tree
}
