import { Link, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Theme } from '../theme/index.js'
import type { Person } from '../types.js'
import { bodyText, stack } from '../map/styles.js'
import type { Labels } from './labels.js'
import { Letterhead } from './letterhead.js'
import { dinFields } from './din-fields.js'

type Din = NonNullable<Theme['din']>

/** Fold marks and the hole mark at the left edge, where a folded A4 sheet needs them. */
function Marks({ theme, din }: { theme: Theme; din: Din }) {
  const mark = (top: number, length: number, key: number) => (
    <View
      key={key}
      style={{ position: 'absolute', top, left: 0, width: length, borderTopWidth: theme.rule.width, borderTopColor: theme.colors.rule }}
    />
  )
  return (
    <>
      {din.foldMarks.map((top, i) => mark(top, din.markLength, i))}
      {mark(din.holeMark, din.markLength * 1.6, din.foldMarks.length)}
    </>
  )
}

/**
 * The first page's top third per DIN 5008 form B: letterhead, the address field for a window envelope
 * (return address over the recipient), the information block beside it, and the marks. All of it is placed
 * absolutely on page 1; a spacer then starts the text at the form's body line.
 */
export function DinHead(props: { theme: Theme; din: Din; from?: Person; to?: Person; date: string | false; labels: Labels }) {
  const { theme, din, from, to, date, labels } = props
  const { margin } = theme.page
  // react-pdf places a page's absolute children from the sheet's edge, as the form measures them.
  const at = (left: number, top: number) => ({ position: 'absolute' as const, left, top })
  const small = {
    fontFamily: stack(theme, theme.fonts.body),
    fontSize: theme.size.small,
    color: theme.colors.muted,
    lineHeight: theme.leading.tight,
  }
  const fields = dinFields(from, to, date, labels)
  const { returnAddress, recipient } = fields
  const info: [string, ReactNode][] = fields.info.map(([label, { text, href }]) => [
    label,
    href ? (
      <Link src={href} style={{ color: theme.colors.text, textDecoration: 'none' }}>
        {text}
      </Link>
    ) : (
      text
    ),
  ])
  const { addressField: field } = din
  return (
    <>
      {from ? (
        <View style={{ position: 'absolute', top: margin.top, left: margin.left, right: margin.right }}>
          {/* The sender's address stands in the letterhead (and in the return-address line); phone and e-mail in the information block. */}
          <Letterhead theme={theme} from={{ ...from, phone: undefined, email: undefined }} />
        </View>
      ) : null}
      <View style={[at(field.left, field.top), { width: field.width, height: field.height, paddingLeft: din.addressInset }]}>
        <View style={{ height: din.notesZone, justifyContent: 'flex-end' }}>
          {returnAddress ? (
            <Text style={[small, { fontSize: theme.size.small * 0.85, textDecoration: 'underline' }]}>{returnAddress}</Text>
          ) : null}
        </View>
        {recipient.map((line, i) => (
          <Text key={i} style={[bodyText(theme), { lineHeight: theme.leading.tight }]}>
            {line}
          </Text>
        ))}
      </View>
      {info.length ? (
        <View style={[at(din.infoBlock.left, din.infoBlock.top), { width: din.infoBlock.width }]}>
          {info.map(([label, value], i) => (
            // Label and value in one size, so their baselines line up.
            <View key={i} style={{ flexDirection: 'row' }}>
              <Text style={[small, { width: din.infoBlock.width * 0.3 }]}>{label}</Text>
              <Text style={[small, { flex: 1, color: theme.colors.text }]}>{value}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Marks theme={theme} din={din} />
      <View style={{ height: din.bodyTop - margin.top }} />
    </>
  )
}
