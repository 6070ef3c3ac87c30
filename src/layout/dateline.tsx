import { Text } from '@react-pdf/renderer'
import type { Theme } from '../theme/index.js'
import { bodyText } from '../map/styles.js'

/** The date above the address block, flush right or (US block format, DIN) flush left as the theme says. */
export function DateLine({ theme, date }: { theme: Theme; date: string }) {
  return <Text style={[bodyText(theme), { textAlign: theme.letterhead.dateAlign, marginBottom: theme.space.addressBlock }]}>{date}</Text>
}
