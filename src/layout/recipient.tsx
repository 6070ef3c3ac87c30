import { Text, View } from '@react-pdf/renderer'
import type { Theme } from '../theme/index.js'
import type { Person } from '../types.js'
import { bodyText } from '../map/styles.js'

/** The recipient's lines as an address block sets them: name, title, company, address. */
export const recipientLines = (to: Person) => [to.name, to.title, to.company, ...to.address].filter((l): l is string => Boolean(l))

/** The recipient's address block: name, title, company, address lines. */
export function Recipient({ theme, to }: { theme: Theme; to: Person }) {
  const lines = recipientLines(to)
  return (
    <View style={{ marginBottom: theme.space.addressBlock }}>
      {lines.map((line, i) => (
        <Text key={i} style={[bodyText(theme), { lineHeight: theme.leading.tight }]}>
          {line}
        </Text>
      ))}
    </View>
  )
}
