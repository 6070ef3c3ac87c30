import { Text, View } from '@react-pdf/renderer'
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'
import type { DocumentProps } from '@react-pdf/renderer'
import type { RootContent } from 'mdast'
import type { State } from '../map/index.js'
import { estimatedLines, fitsKept } from '../map/keep.js'
import { setWidthWith } from '../fonts/measure.js'
import { toString } from 'mdast-util-to-string'
import { stack } from '../map/styles.js'
import { message } from '../parse/message.js'
import { role } from '../structure/role.js'
import type { Theme } from '../theme/index.js'
import type { LetterMeta, Person } from '../types.js'
import type { CvEntry, CvParts, CvSection } from './cv-structure.js'
import { flowDocument } from './flow-document.js'
import { labelsFor } from './labels.js'
import { Band, contactLines, NameLines } from './letterhead.js'
import { Endnotes, endnotesOf } from './notes.js'
import { PageHeader } from './page-header.js'

/** What the CV layout needs besides the mapper: its parts, metadata and document properties. */
export interface CvLayout {
  parts: CvParts
  meta: LetterMeta
  document: Pick<DocumentProps, 'title' | 'author' | 'subject' | 'keywords' | 'language' | 'creationDate' | 'conformance'>
}

/** The separator between the items of the contact line. */
const CONTACT_SEPARATOR = ' · '

/** The CV's head, in the body (never a running header, which applicant-tracking systems drop): the name, the title, one contact line, the theme's rule under them. */
function CvHead({ theme, from }: { theme: Theme; from: Person }) {
  const contacts = contactLines(theme, from)
  const { style, ruleWidth } = theme.letterhead
  return (
    <View
      style={{
        marginBottom: theme.space.cvHeader,
        paddingBottom: ruleWidth ? theme.space.paragraph : 0,
        borderBottomWidth: ruleWidth,
        borderBottomColor: theme.colors.rule,
      }}
    >
      {style === 'band' ? <Band theme={theme} /> : null}
      <NameLines theme={theme} from={from} size={theme.size.cvName} nameRole={role('H1')} />
      {contacts.length ? (
        <Text
          style={{
            fontFamily: stack(theme, theme.fonts.body),
            fontSize: theme.size.small,
            color: theme.colors.muted,
            lineHeight: theme.leading.body,
          }}
        >
          {contacts.flatMap((c, i) => (i ? [CONTACT_SEPARATOR, c] : [c]))}
        </Text>
      ) : null}
    </View>
  )
}

/** Height of what must not be parted from an entry's line at a page end: its first paragraph's first lines, or its first list item. */
function firstBlockHeight(state: State, body: RootContent[]): number {
  const { theme } = state
  const first = body[0]
  if (!first) return 0
  const unit = first.type === 'list' && first.children[0] ? first.children[0] : first
  const limit = first.type === 'list' ? Math.max(theme.pagination.keepListItemLines, 1) : theme.pagination.orphans
  const lines = Math.min(estimatedLines(state, unit), limit)
  const height = lines * theme.size.body * theme.leading.body
  return fitsKept(state, height) ? height : 0
}

/** Height of an entry's line (title and dates), as set at the entry heading's size. */
const entryLineHeight = (theme: Theme) => theme.size.heading[2] * theme.leading.heading + theme.space.entryAfter

/** Room left unfilled at the end of a line that the spaces before the dates fill, so rounding never breaks it early. */
const FILL_SLACK = 0.05

/**
 * Where an entry's dates stand: after the title on its line when both fit with the theme's least gap, else on
 * the line under it; flush right either way, pushed there by spaces (`fill` points, spread by letter spacing)
 * so that title and dates are one run of text that every extractor reads in that order.
 */
export function datesPlacement({
  title,
  dates,
  width,
  gap,
  space,
  nbsp,
}: {
  title: number
  dates: number
  width: number
  gap: number
  space: number
  nbsp: number
}): {
  newLine: boolean
  spaces: number
  letterSpacing: number
} {
  const newLine = title + gap + dates > width
  // A line of its own starts with unbreakable spaces: the renderer drops breakable ones there.
  if (newLine) space = nbsp
  const fill = (newLine ? width - dates : width - title - dates) - FILL_SLACK
  const spaces = fill > space ? Math.floor(fill / space) : 0
  return { newLine, spaces, letterSpacing: spaces ? (fill - spaces * space) / spaces : 0 }
}

/** An entry's dates, separator and place (its inline Markdown mapped) as the end of its title's text, pushed flush right; none without dates. */
function datesRun(state: State, entry: CvEntry): ReactNode[] {
  if (!entry.dates) return []
  const { theme } = state
  const size = theme.size.heading[2]
  const regular = setWidthWith(theme.fonts.heading, 400)
  const place = entry.place ? { type: 'paragraph' as const, children: entry.place } : undefined
  const text = entry.dates + (place ? entry.separator! + toString(place) : '')
  const at = datesPlacement({
    title: setWidthWith(theme.fonts.heading, 700)(toString(entry.heading), size),
    dates: regular(text, size),
    width: state.width,
    gap: theme.space.datesGap,
    space: regular(' ', size),
    nbsp: regular('\u00a0', size),
  })
  return [
    at.newLine ? '\n' : '',
    at.spaces ? (
      <Text key="fill" style={{ letterSpacing: at.letterSpacing }}>
        {(at.newLine ? '\u00a0' : ' ').repeat(at.spaces)}
      </Text>
    ) : null,
    <Text key="dates" style={{ fontWeight: 400, fontStyle: 'normal', color: theme.colors.muted }}>
      {entry.dates}
      {place ? [entry.separator, ...state.all(place)] : null}
    </Text>,
  ]
}

/**
 * An entry: its `###` title at the full width and, flush right on the title's last line or the line under it,
 * its dates and place (in the same run of text, so read back after the title); then its body as ordinary
 * Markdown. The line is never left at a page end without the body's first lines (minPresenceAhead).
 */
function entryBlocks(state: State, entry: CvEntry, first: boolean): ReactNode[] {
  const { theme } = state
  const mapped = state.one(entry.heading)
  const dates = datesRun(state, entry)
  // The heading as the theme sets a `###`, but in the text's own case (capitals suit a section head, not a job title) and spaced by the row.
  const line = isValidElement(mapped)
    ? cloneElement(
        mapped as ReactElement<{ style?: unknown; minPresenceAhead?: number; children?: ReactNode }>,
        {
          key: 'line',
          minPresenceAhead: firstBlockHeight(state, entry.body),
          style: [
            (mapped.props as { style?: unknown }).style,
            {
              marginTop: first ? 0 : theme.space.entry,
              marginBottom: theme.space.entryAfter,
              textTransform: 'none',
              letterSpacing: 0,
              color: theme.colors.text,
            },
          ],
        },
        (mapped.props as { children?: ReactNode }).children,
        ...dates,
      )
    : mapped
  return [line, ...state.all({ type: 'root', children: entry.body })]
}

/** Height of a section heading as the CV sets it: its line, the room above and below it and its rule. */
const sectionHeadingHeight = (theme: Theme) =>
  theme.size.heading[1] * theme.leading.heading +
  theme.space.headingBefore +
  theme.space.entryAfter +
  (theme.rule.cvSection ? theme.space.headingAfter + theme.rule.cvSection : 0)

/** What must follow a section's heading on its page: its first entry's line and first lines; for an empty section, the next section's heading and what that keeps. */
function sectionKeep(state: State, sections: CvSection[], n: number): number {
  const section = sections[n]!
  const firstEntry = section.entries[0]
  if (section.intro.length) return 0
  if (firstEntry) return entryLineHeight(state.theme) + firstBlockHeight(state, firstEntry.body)
  const next = sections[n + 1]
  return next ? sectionHeadingHeight(state.theme) + sectionKeep(state, sections, n + 1) : 0
}

/** The CV's sections in source order: each `##` heading as the theme sets it, never last on its page (kept with its first entry's line and first lines, or the next section); an empty section is warned about at its heading. */
function sectionBlocks(state: State, parts: CvParts): ReactNode[] {
  const { theme } = state
  return parts.sections.flatMap((section, n) => {
    const heading = state.one(section.heading)
    const keep = sectionKeep(state, parts.sections, n)
    if (!section.intro.length && !section.entries.length) {
      const start = section.heading.position?.start
      state.warnings.push(
        message(
          `section "${toString(section.heading)}" is empty: write its entries (### …) or text under it, or remove it`,
          'letterpress:cv',
          { line: start?.line ?? null, column: start?.column ?? null },
        ),
      )
    }
    const styled = isValidElement(heading)
      ? cloneElement(heading as ReactElement<{ style?: unknown; minPresenceAhead?: number }>, {
          minPresenceAhead: Math.max((heading.props as { minPresenceAhead?: number }).minPresenceAhead ?? 0, keep),
          style: [
            (heading.props as { style?: unknown }).style,
            {
              marginTop: n || parts.intro.length ? theme.space.headingBefore : 0,
              marginBottom: theme.space.entryAfter,
              paddingBottom: theme.rule.cvSection ? theme.space.headingAfter : 0,
              borderBottomWidth: theme.rule.cvSection,
              borderBottomColor: theme.colors.rule,
            },
          ],
        })
      : heading
    const intro = state.all({ type: 'root', children: section.intro })
    const entries = section.entries.map((entry, i) => entryBlocks(state, entry, i === 0 && !section.intro.length))
    return [styled, ...intro, ...entries.flat()]
  })
}

/** Blocks gathered from several mapped lists, keyed again in their new order (React wants every sibling keyed). */
const keyed = (nodes: ReactNode[]) => nodes.map((node, i) => (isValidElement(node) ? cloneElement(node, { key: i }) : node))

/** The whole CV as a react-pdf <Document>: name and contact line, then sections and entries in source order, endnotes, and the name with "Page N of M" on later pages. */
export function layoutCv(state: State, { parts, meta, document }: CvLayout): ReactElement<DocumentProps> {
  const { theme } = state
  const labels = labelsFor(meta.lang)
  const intro = state.all({ type: 'root', children: parts.intro })
  const sections = keyed(sectionBlocks(state, parts))
  const endnotes = endnotesOf(state)
  return flowDocument(
    theme,
    meta.paper,
    document,
    <>
      {meta.from ? <CvHead theme={theme} from={meta.from} /> : null}
      {intro}
      {sections}
      <Endnotes theme={theme} notes={endnotes.notes} keep={endnotes.keep} />
      <PageHeader theme={theme} labels={labels} left={meta.from?.name ?? document.title ?? ''} />
    </>,
  )
}
