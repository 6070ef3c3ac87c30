import type { Heading, Paragraph, PhrasingContent, RootContent, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { LetterError } from '../parse/errors.js'
import type { LetterMeta } from '../types.js'

/** A letter's parts as a reader sees them, found in the Markdown itself. */
export interface LetterParts {
  /** The first block when it is a `#` heading: the letter's title. */
  title?: Heading
  salutation?: Paragraph
  body: RootContent[]
  /** The closing phrase ("Sincerely,") and the signer's lines under it (name, title), when the body ends with them. */
  closing?: { phrase: Paragraph; signer: Paragraph[] }
  /** The name under the closing, for the PDF's Author. */
  author?: string
}

const SALUTATION =
  /^(dear|hello|hi|hey|greetings|to whom it may concern|sehr geehrte|liebe|lieber|hallo|guten tag|bonjour|madame|monsieur|cher|chère|estimad[oa]s?|hola|gentile|caro|cara|geachte|beste|hej|god dag)\b/i

const CLOSING = new RegExp(
  '^(' +
    [
      'sincerely( yours)?',
      'yours (sincerely|faithfully|truly|respectfully)',
      'faithfully',
      'respectfully( yours)?',
      '(with )?(best|kind|kindest|warm|warmest|many) (regards|wishes)',
      'regards',
      'best',
      'all the best',
      'cordially',
      'thank you',
      'thanks',
      'with thanks',
      'with gratitude',
      'gratefully',
      'cheers',
      'mit freundlichen grüßen',
      'mit besten grüßen',
      'freundliche grüße',
      'viele grüße',
      'beste grüße',
      'herzliche grüße',
      '(bien )?cordialement',
      'salutations distinguées',
      'atentamente',
      '(un )?saludo( cordial)?',
      'saludos( cordiales)?',
      'distinti saluti',
      'cordiali saluti',
      'met vriendelijke groet(en)?',
      'vriendelijke groet(en)?',
      'vänliga hälsningar',
      'med vennlig hilsen',
      'venlig hilsen',
      'z poważaniem',
      's pozdravem',
      'с уважением',
    ].join('|') +
    ')[,.!]?$',
  'iu',
)

/** Whether a line of text is a closing phrase such as "Sincerely," or "Mit freundlichen Grüßen". */
export const isClosingPhrase = (line: string) => CLOSING.test(line.trim())

/** Whether a paragraph's text opens a letter ("Dear Goodfire Team,"). */
export const isSalutation = (text: string) => SALUTATION.test(text.trim()) && !text.includes('\n') && text.length <= 120

/** Split a paragraph at its first line break (soft or hard) into the first line and the rest. */
export function splitFirstLine(node: Paragraph): [Paragraph, Paragraph | undefined] {
  const first: PhrasingContent[] = []
  const rest: PhrasingContent[] = []
  for (const child of node.children) {
    if (rest.length) rest.push(child)
    else if (child.type === 'break') rest.push({ type: 'text', value: '' })
    else if (child.type === 'text' && /\r?\n/.test(child.value)) {
      const [head, ...tail] = child.value.split(/\r?\n/)
      if (head) first.push({ ...child, value: head })
      rest.push({ ...child, value: tail.join('\n') })
    } else first.push(child)
  }
  const has = rest.some((c) => toString(c).trim() !== '')
  return [
    { ...node, children: first },
    has ? { ...node, children: rest.filter((c) => toString(c) !== '' || c.type !== 'text') } : undefined,
  ]
}

/** Text of a paragraph with its line breaks (soft and hard) kept as "\n". */
export function linesOf(node: Paragraph): string {
  return node.children.map((c) => (c.type === 'break' ? '\n' : toString(c))).join('')
}

const NOT_DRAWN = new Set(['yaml', 'definition', 'footnoteDefinition'])

/** Find title, salutation, body and closing in a letter's tree; what is not recognised stays body. */
export function findParts(tree: Root): LetterParts {
  const blocks = tree.children.filter((n) => !NOT_DRAWN.has(n.type))
  const parts: LetterParts = { body: blocks }
  let start = 0
  const first = blocks[0]
  if (first?.type === 'heading' && first.depth === 1) {
    parts.title = first
    start = 1
  }
  // The salutation is the first paragraph, if it reads like one.
  const salutation = blocks[start]
  if (salutation?.type === 'paragraph' && isSalutation(toString(salutation))) {
    parts.salutation = salutation
    start += 1
  }
  let end = blocks.length
  // The closing is one of the last three paragraphs: the phrase, then the signer's lines.
  for (let i = blocks.length - 1; i >= Math.max(start, blocks.length - 3); i--) {
    const block = blocks[i]
    if (block?.type !== 'paragraph') break
    const [phrase, rest] = splitFirstLine(block)
    if (!isClosingPhrase(toString(phrase))) continue
    const after = blocks.slice(i + 1)
    if (!after.every((b): b is Paragraph => b.type === 'paragraph')) break
    const signer = [...(rest ? [rest] : []), ...after]
    parts.closing = { phrase, signer }
    const name = signer
      .map(linesOf)
      .join('\n')
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean)
    if (name) parts.author = name
    end = i
    break
  }
  parts.body = blocks.slice(start, end)
  return parts
}

/** A letter's parts (findParts); a letter with none of them, only front matter, is a LetterError naming `file`. */
export function letterParts(tree: Root, file: string): LetterParts {
  const parts = findParts(tree)
  if (!parts.title && !parts.salutation && !parts.body.length && !parts.closing) {
    throw new LetterError('letter is empty: write the letter below the front matter', null, null, file)
  }
  return parts
}

/** The signer's lines when the closing comes from front matter: the sender's name and title. */
export const metaSigner = (meta: LetterMeta) => [meta.from?.name, meta.from?.title].filter((l): l is string => Boolean(l))
