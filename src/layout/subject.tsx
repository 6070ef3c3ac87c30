import { Text } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Theme } from '../theme/index.js'
import { stack } from '../map/styles.js'
import { role } from '../structure/role.js'

/** The subject line (or the letter's `#` title): bold, a step larger than the text. */
export function Subject({ theme, children }: { theme: Theme; children: ReactNode }) {
  return (
    <Text
      {...role('H1')}
      style={{
        fontFamily: stack(theme, theme.fonts.heading),
        fontSize: theme.size.title,
        fontWeight: 700,
        color: theme.colors.accent,
        lineHeight: theme.leading.heading,
        marginBottom: theme.space.subject,
      }}
    >
      {children}
    </Text>
  )
}
