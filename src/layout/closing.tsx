import { Image, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Theme } from '../theme/index.js'
import { bodyText } from '../map/styles.js'

/** The closing's full height: space above, the phrase, the signature (or room to sign), the signer's lines. */
export function closingHeight(theme: Theme, signerLines: number, signature: boolean): number {
  const line = theme.size.body * theme.leading.body
  const signing = signature ? theme.signature.height + 2 * theme.space.listItem : theme.space.signatureGap - line
  return theme.space.closing + line + signing + signerLines * line
}

/** The closing kept together on one page (unless `keep` is false: too tall for that): phrase, signature image (or room to sign), the signer's lines. */
export function Closing(props: {
  theme: Theme
  phrase: ReactNode
  signature?: Buffer
  signer: ReactNode[]
  pull?: number
  keep?: boolean
}) {
  const { theme, phrase, signature, signer, pull = 0, keep = true } = props
  // `pull`: room the block above reserved for the closing (its bottom padding), taken back here.
  return (
    <View wrap={!keep} style={{ marginTop: theme.space.closing - pull }}>
      <Text style={bodyText(theme)}>{phrase}</Text>
      {signature ? (
        <Image
          src={signature}
          style={{ height: theme.signature.height, objectFit: 'contain', objectPosition: 'left', marginVertical: theme.space.listItem }}
        />
      ) : (
        <View style={{ height: theme.space.signatureGap - theme.size.body * theme.leading.body }} />
      )}
      {signer.map((line, i) => (
        <Text key={i} style={bodyText(theme)}>
          {line}
        </Text>
      ))}
    </View>
  )
}
