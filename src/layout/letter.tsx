import { Text, View } from '@react-pdf/renderer'
import { cloneElement, isValidElement, type ReactElement } from 'react'
import type { DocumentProps } from '@react-pdf/renderer'
import type { State } from '../map/index.js'
import { estimatedLines, fitsKept } from '../map/keep.js'
import type { LetterMeta } from '../types.js'
import { flowDocument } from './flow-document.js'
import { Closing, closingHeight } from './closing.js'
import { DateLine } from './dateline.js'
import { Band, Letterhead } from './letterhead.js'
import { Annotations, Endnotes, endnotesOf } from './notes.js'
import { PageHeader } from './page-header.js'
import { DinHead } from './din.js'
import { labelsFor } from './labels.js'
import { Recipient } from './recipient.js'
import { linesOf, metaSigner, type LetterParts } from './structure.js'
import { Subject } from './subject.js'

/** What the layout needs besides the mapper: the letter's parts, metadata and document properties. */
export interface LetterLayout {
  parts: LetterParts
  meta: LetterMeta
  /** The checked bytes of the signature image, if any. */
  signature?: Buffer
  document: Pick<DocumentProps, 'title' | 'author' | 'subject' | 'keywords' | 'language' | 'creationDate' | 'conformance'>
  /** What the letter is about in its own words (title, subject or # heading); none when it says nothing. */
  topic?: string
}

/** The continuation header's words: the writer, and what the letter is about or, without a topic, to whom it goes (never a file name). */
const runningHead = (author: string | undefined, topic: string | undefined, to: LetterMeta['to']) =>
  [author, topic ?? to?.name ?? to?.company].filter(Boolean).join(' · ')

/** The whole letter as a react-pdf <Document>: letterhead, date, recipient, subject, body, closing, notes. */
export function layoutLetter(state: State, { parts, meta, signature, document, topic }: LetterLayout): ReactElement<DocumentProps> {
  const { theme } = state
  const labels = labelsFor(meta.lang)
  const title = parts.title ? state.all(parts.title) : undefined
  const salutation = parts.salutation ? state.one(parts.salutation) : undefined
  const body = state.all({ type: 'root', children: parts.body })
  // The closing never stands alone on a page: the end of the body goes over with it when it must.
  // The signer's lines as the closing sets them: every line of every paragraph under the phrase, long ones wrapped.
  const signerLines = parts.closing
    ? parts.closing.signer.reduce(
        (n, p) =>
          n +
          linesOf(p)
            .trim()
            .split('\n')
            .reduce((k, line) => k + Math.max(1, estimatedLines(state, { type: 'text', value: line })), 0),
        0,
      )
    : metaSigner(meta).length
  const closingRoom = closingHeight(theme, signerLines, Boolean(signature))
  // A closing too tall to keep on one page (dozens of signer lines) flows like the body, with no room reserved.
  const keepClosing = fitsKept(state, closingRoom)
  const lastBlock = body.at(-1)
  // How far the closing reaches back into the room reserved under the last paragraph (see below).
  let pull = 0
  if ((parts.closing || meta.closing) && keepClosing && isValidElement(lastBlock)) {
    if (lastBlock.type === Text) {
      // A paragraph reserves the closing's room as bottom padding, which the closing's negative margin takes
      // back. When the room runs past the page, react-pdf splits the paragraph there and its last lines (at
      // least the widows) go over with the closing; minPresenceAhead would move the whole paragraph. The room
      // stays a hair under the closing's real extent: react-pdf would otherwise keep a closing that still fits
      // where the unsplit paragraph put it, on top of the split paragraph's lines.
      pull = closingRoom - 0.5
      const { style } = lastBlock.props as { style?: unknown }
      const styles = (Array.isArray(style) ? style : [style]).filter(Boolean)
      body[body.length - 1] = cloneElement(lastBlock as ReactElement<{ style?: unknown }>, { style: [...styles, { paddingBottom: pull }] })
    } else {
      body[body.length - 1] = cloneElement(lastBlock as ReactElement<{ minPresenceAhead?: number }>, { minPresenceAhead: closingRoom })
    }
  }

  let closing = null
  if (parts.closing) {
    state.keepLineBreaks = true
    const phrase = state.all(parts.closing.phrase)
    const signer = parts.closing.signer.map((p) => state.all(p))
    state.keepLineBreaks = false
    closing = <Closing theme={theme} phrase={phrase} signature={signature} signer={signer} pull={pull} keep={keepClosing} />
  } else if (meta.closing) {
    const signer = metaSigner(meta)
    closing = <Closing theme={theme} phrase={meta.closing} signature={signature} signer={signer} pull={pull} keep={keepClosing} />
  }
  // Endnotes come last: the body's references have decided their order by now.
  const endnotes = endnotesOf(state)

  return flowDocument(
    theme,
    meta.paper,
    document,
    <>
      {theme.din ? (
        <DinHead theme={theme} din={theme.din} from={meta.from} to={meta.to} date={meta.date} labels={labels} />
      ) : (
        <>
          {meta.from ? (
            <Letterhead theme={theme} from={meta.from} />
          ) : theme.letterhead.style === 'band' ? (
            // No sender, but the theme's band all the same: placed from the top of the text area, as in the letterhead.
            <View>
              <Band theme={theme} />
            </View>
          ) : null}
          {meta.date !== false ? <DateLine theme={theme} date={meta.date} /> : null}
          {meta.to ? <Recipient theme={theme} to={meta.to} /> : null}
        </>
      )}
      {title ? <Subject theme={theme}>{title}</Subject> : null}
      {meta.subject ? <Subject theme={theme}>{meta.subject}</Subject> : null}
      {salutation ? <View style={{ marginBottom: theme.space.salutation }}>{salutation}</View> : null}
      {body}
      {closing}
      <Annotations theme={theme} labels={labels} enclosures={meta.enclosures} cc={meta.cc} />
      <Endnotes theme={theme} notes={endnotes.notes} keep={endnotes.keep} />
      <PageHeader theme={theme} labels={labels} left={runningHead(document.author, topic, meta.to)} />
    </>,
  )
}
