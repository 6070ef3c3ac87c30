import { Text } from '@react-pdf/renderer'
import type { Theme } from '../theme/index.js'
import { stack } from '../map/styles.js'

/** "Page N of M" at the foot of each page, only when the letter runs past one page. */
export function PageNumber({ theme }: { theme: Theme }) {
  return (
    <Text
      fixed
      // No lineHeight here or inherited: react-pdf then drops text that a render prop fills in only on the second pass.
      style={{ fontFamily: stack(theme, theme.fonts.body), position: 'absolute', bottom: theme.page.footerOffset, left: theme.page.margin.left, right: theme.page.margin.right, textAlign: 'center', fontSize: theme.size.small, color: theme.colors.muted }}
      render={({ pageNumber, totalPages }) => (totalPages > 1 ? `Page ${pageNumber} of ${totalPages}` : '')}
    />
  )
}
