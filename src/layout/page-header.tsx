import { Text, View } from '@react-pdf/renderer'
import type { Theme } from '../theme/index.js'
import { stack } from '../map/styles.js'
import type { Labels } from './labels.js'
import { role } from '../structure/role.js'

/**
 * The continuation header on pages after the first: who writes, what about, and "Page N of M".
 * The first page carries none, so a one-page letter shows no page number at all.
 */
export function PageHeader({ theme, labels, left }: { theme: Theme; labels: Labels; left: string }) {
  const { margin, headerOffset } = theme.page
  // No lineHeight here: react-pdf drops text that a render prop fills in only once the page count is known.
  const style = { fontFamily: stack(theme, theme.fonts.body), fontSize: theme.size.small, color: theme.colors.muted }
  return (
    <View
      fixed
      {...role('Artifact')}
      style={{ position: 'absolute', top: headerOffset, left: margin.left, right: margin.right, flexDirection: 'row' }}
    >
      <Text style={[style, { flex: 1 }]} render={({ pageNumber }) => (pageNumber > 1 ? left : '')} />
      <Text
        style={[style, { textAlign: 'right' }]}
        render={({ pageNumber, totalPages }) => (pageNumber > 1 ? labels.page(pageNumber, totalPages) : '')}
      />
    </View>
  )
}
