import { Link, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Theme } from '../theme/index.js'
import type { Person } from '../types.js'
import { stack } from '../map/styles.js'

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

/** The sender's letterhead: name, title, then address and contact details (as links) on one line, and a rule. */
export function Letterhead({ theme, from }: { theme: Theme; from: Person }) {
  const contacts: ReactNode[] = [
    ...from.address.map((line) => item(theme, line)),
    ...(from.email ? [item(theme, from.email, `mailto:${from.email}`)] : []),
    ...(from.phone ? [item(theme, from.phone, `tel:${from.phone.replace(/[^\d+]/g, '')}`)] : []),
    ...from.links.map((l) => item(theme, l.label, /^https?:\/\//i.test(l.url) ? l.url : `https://${l.url}`)),
  ]
  const separator = '  ·  '
  return (
    <View
      style={{
        marginBottom: theme.space.letterhead,
        paddingBottom: theme.space.paragraph,
        borderBottomWidth: theme.rule.width,
        borderBottomColor: theme.colors.rule,
      }}
    >
      {from.name ? (
        <Text style={{ fontFamily: stack(theme, theme.fonts.heading), fontSize: theme.size.name, fontWeight: 700, color: theme.colors.accent, lineHeight: theme.leading.heading }}>
          {from.name}
        </Text>
      ) : null}
      {from.title ? (
        <Text style={{ fontFamily: stack(theme, theme.fonts.body), fontSize: theme.size.body, color: theme.colors.muted, lineHeight: theme.leading.body }}>{from.title}</Text>
      ) : null}
      {contacts.length ? (
        <Text style={{ fontFamily: stack(theme, theme.fonts.body), fontSize: theme.size.small, color: theme.colors.muted, lineHeight: theme.leading.body, marginTop: theme.space.listItem }}>
          {contacts.flatMap((c, i) => (i === 0 ? [c] : [separator, c]))}
        </Text>
      ) : null}
    </View>
  )
}
