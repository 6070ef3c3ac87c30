import { Link, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Theme } from '../theme/index.js'
import type { Person } from '../types.js'
import { stack } from '../map/styles.js'
import { contactItems } from './contacts.js'

/** One contact item: a link when it has a target (mailto, tel, web), plain text otherwise. */
function item(theme: Theme, label: string, href?: string): ReactNode {
  return href ? (
    <Link src={href} style={{ color: theme.colors.muted, textDecoration: 'none' }}>
      {label}
    </Link>
  ) : (
    label
  )
}

/** The sender's address and contact details, as lines (links where they lead somewhere). */
export function contactLines(theme: Theme, from: Person): ReactNode[] {
  return contactItems(from).map(({ text, href }) => item(theme, text, href))
}

/** A band of the accent colour across the top edge of the first page, placed from the top of the text area. */
export function Band({ theme }: { theme: Theme }) {
  const { margin } = theme.page
  return (
    <View
      style={{
        position: 'absolute',
        top: -margin.top,
        left: -margin.left,
        right: -margin.right,
        height: theme.letterhead.bandHeight,
        backgroundColor: theme.colors.band,
      }}
    />
  )
}

/** The sender's name, large in the accent colour (with the structure role given), and their title under it: the top of a letterhead and of a CV. */
export function NameLines({ theme, from, size, nameRole = {} }: { theme: Theme; from: Person; size: number; nameRole?: object }) {
  return (
    <>
      {from.name ? (
        <Text
          {...nameRole}
          style={{
            fontFamily: stack(theme, theme.fonts.heading),
            fontSize: size,
            fontWeight: 700,
            color: theme.colors.accent,
            lineHeight: theme.leading.heading,
          }}
        >
          {from.name}
        </Text>
      ) : null}
      {from.title ? (
        <Text
          style={{
            fontFamily: stack(theme, theme.fonts.body),
            fontSize: theme.size.body,
            color: theme.colors.muted,
            lineHeight: theme.leading.body,
          }}
        >
          {from.title}
        </Text>
      ) : null}
    </>
  )
}

/** The sender's letterhead: name and title on the left, contact lines stacked on the right, a rule under. */
export function Letterhead({ theme, from }: { theme: Theme; from: Person }) {
  const contacts = contactLines(theme, from)
  const small = {
    fontFamily: stack(theme, theme.fonts.body),
    fontSize: theme.size.small,
    color: theme.colors.muted,
    lineHeight: theme.leading.tight,
  }
  const { style, ruleWidth } = theme.letterhead
  return (
    <View style={{ marginBottom: theme.space.letterhead }}>
      {style === 'band' ? <Band theme={theme} /> : null}
      <View
        style={{
          flexDirection: 'row',
          alignItems: 'flex-end',
          paddingBottom: ruleWidth ? theme.space.paragraph : 0,
          borderBottomWidth: ruleWidth,
          borderBottomColor: theme.colors.rule,
        }}
      >
        <View style={{ flex: 1, paddingRight: theme.space.block }}>
          <NameLines theme={theme} from={from} size={theme.size.name} />
        </View>
        {contacts.length ? (
          <View style={{ alignItems: 'flex-end' }}>
            {contacts.map((c, i) => (
              <Text key={i} style={[small, { textAlign: 'right' }]}>
                {c}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  )
}
