import { unlinkable } from '../util/url.js'
import type { LetterMessage, LetterMeta } from '../types.js'
import { message, NOWHERE, type Place } from './message.js'
import { recipientLines } from './meta.js'

/** What the lints read of a theme: its name, type size and leading, and the DIN address field where it has one. */
export interface LintedTheme {
  name: string
  size: { body: number }
  leading: { tight: number }
  din?: { addressField: { height: number }; notesZone: number }
}

/** What the lints read besides the meta and the theme. */
export interface LintContext {
  /** Whether the letter's language has hyphenation patterns where hyphenation is asked for (useHyphenation's answer). */
  hyphenated: boolean
  /** Whether --fit, rather than the front matter, asked to fit. */
  fitFlag?: boolean
  /** Whether --txt-wrap was given, and --txt (else the letter's `txt` decides). */
  txtWrapFlag?: boolean
  txtFlag?: boolean
  /** Place of a field the letter's own front matter sets; NOWHERE for one from the project config. */
  place: (path: readonly PropertyKey[]) => Place
}

/** Warnings about settings that cannot do what they ask, given the letter's meta and its theme (nothing here throws). */
export function lintMeta(meta: LetterMeta, theme: LintedTheme, context: LintContext): LetterMessage[] {
  return [
    ...hyphenation(meta, context),
    ...links(meta, context),
    ...lintTheme(theme, meta),
    ...fitWithoutLimit(meta, context),
    ...txtWrapWithoutTxt(meta, context),
    ...letterFieldsInCv(meta, context),
  ]
}

/** Hyphenation asked for in a language without patterns stays off. */
const hyphenation = (meta: LetterMeta, { hyphenated }: LintContext) =>
  hyphenated ? [] : [message(`no hyphenation patterns for "${meta.lang}"; hyphenation stays off`, 'letterpress:meta')]

/** A sender's link is drawn clickable only when its scheme is one a reader may follow; a label without an address is text by intent. */
function links(meta: LetterMeta, { place }: LintContext): LetterMessage[] {
  return (meta.from?.links ?? []).flatMap((link, i) => {
    if (!unlinkable(link.url)) return []
    const url = place(['from', 'links', i, 'url'])
    const at = url.line === null ? place(['from', 'links', i]) : url
    const text = `from.links: "${link.url}" is set as plain text: only http, https, mailto and tel links are clickable`
    return [message(text, 'letterpress:meta', at)]
  })
}

/** A DIN theme's address must show whole in the envelope window, and the window is placed for A4 paper (a CV goes in no window). */
function lintTheme(theme: LintedTheme, meta: LetterMeta): LetterMessage[] {
  if (!theme.din || meta.layout === 'cv') return []
  const warnings: LetterMessage[] = []
  if (meta.to) {
    const room = Math.floor((theme.din.addressField.height - theme.din.notesZone) / (theme.size.body * theme.leading.tight))
    const lines = recipientLines(meta.to).length
    if (lines > room)
      warnings.push(message(`the recipient's address has ${lines} lines; the envelope window shows ${room}`, 'letterpress:theme'))
  }
  if (meta.paper !== 'A4')
    warnings.push(
      message(`theme "${theme.name}" places the address for an A4 window envelope, but the paper is ${meta.paper}`, 'letterpress:theme'),
    )
  return warnings
}

/** Fitting needs a page count to fit to; a letter of any length is left as it is. */
function fitWithoutLimit(meta: LetterMeta, { fitFlag, place }: LintContext): LetterMessage[] {
  if (!meta.fit || meta.maxPages !== undefined) return []
  const asked = fitFlag ? '--fit' : 'fit: true'
  const at = fitFlag ? NOWHERE : place(['fit'])
  return [message(`${asked} does nothing without max-pages: set max-pages: N in the front matter or --max-pages N`, 'letterpress:meta', at)]
}

/** Wrapping needs a plain-text twin to wrap: without one nothing is written. */
function txtWrapWithoutTxt(meta: LetterMeta, { txtWrapFlag, txtFlag }: LintContext): LetterMessage[] {
  if (!txtWrapFlag || (txtFlag ?? meta.txt)) return []
  return [message('--txt-wrap does nothing without --txt: add --txt or set txt: true in the front matter', 'letterpress:meta')]
}

/** The letter's parts a CV does not set: a field of them in the CV's own front matter does nothing. */
const LETTER_ONLY = ['to', 'date', 'subject', 'closing', 'signature', 'enclosures', 'cc'] as const

/** A CV has no recipient, date, subject, closing or enclosures: its own fields for them are warned about where they stand. */
function letterFieldsInCv(meta: LetterMeta, { place }: LintContext): LetterMessage[] {
  if (meta.layout !== 'cv') return []
  return (
    LETTER_ONLY.map((field) => ({ field, at: place([field]) }))
      .filter(({ at }) => at.line !== null)
      // In the order the fields stand, as a reader goes through the front matter.
      .sort((a, b) => a.at.line! - b.at.line! || (a.at.column ?? 0) - (b.at.column ?? 0))
      .map(({ field, at }) =>
        message(`field "${field}" does nothing in a CV (layout: cv), which has no letter parts`, 'letterpress:meta', at),
      )
  )
}
