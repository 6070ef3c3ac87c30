import { Image, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Theme } from '../theme/index.js'
import { bodyText } from '../map/styles.js'

/** The closing kept together on one page: phrase, signature image (or room to sign), the signer's lines. */
export function Closing(props: { theme: Theme; phrase: ReactNode; signature?: string; signer: ReactNode[] }) {
  const { theme, phrase, signature, signer } = props
  return (
    <View wrap={false} style={{ marginTop: theme.space.closing }}>
      <Text style={bodyText(theme)}>{phrase}</Text>
      {signature ? (
        <Image src={signature} style={{ height: theme.signature.height, objectFit: 'contain', objectPosition: 'left', marginVertical: theme.space.listItem }} />
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
