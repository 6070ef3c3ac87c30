import { Text, View } from '@react-pdf/renderer'
import type { Theme } from '../theme/index.js'
import type { Person } from '../types.js'
import { bodyText } from '../map/styles.js'
import { recipientLines } from '../parse/meta.js'

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
