import { Text } from '@react-pdf/renderer'
import type { Theme } from '../theme/index.js'
import { bodyText } from '../map/styles.js'

/** The date, set flush right above the address block. */
export function DateLine({ theme, date }: { theme: Theme; date: string }) {
  return <Text style={[bodyText(theme), { textAlign: 'right', marginBottom: theme.space.addressBlock }]}>{date}</Text>
}
