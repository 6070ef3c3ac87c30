import { Document, Page } from '@react-pdf/renderer'
import type { DocumentProps } from '@react-pdf/renderer'
import type { ReactElement, ReactNode } from 'react'
import type { Theme } from '../theme/index.js'
import type { LetterMeta } from '../types.js'

/** A react-pdf <Document> of one flowing <Page> on the given paper with the theme's margins: the frame every layout sets its blocks in. */
export function flowDocument(
  theme: Theme,
  paper: LetterMeta['paper'],
  document: DocumentProps,
  children: ReactNode,
): ReactElement<DocumentProps> {
  const { margin } = theme.page
  return (
    <Document creator="letterpress" producer="letterpress" {...document}>
      <Page
        size={paper === 'Letter' ? 'LETTER' : 'A4'}
        style={{ paddingTop: margin.top, paddingRight: margin.right, paddingBottom: margin.bottom, paddingLeft: margin.left }}
      >
        {children}
      </Page>
    </Document>
  )
}
