import { recipientLines } from '../parse/meta.js'
import type { Person } from '../types.js'
import type { ContactItem } from './contacts.js'
import type { Labels } from './labels.js'

/** What the DIN 5008 head sets besides the letterhead: the return-address line, the recipient, and the information block's labelled items. */
export interface DinFields {
  returnAddress: string
  recipient: string[]
  info: [string, ContactItem][]
}

/** The DIN head's texts: sender name and address in one line over the recipient; phone, e-mail and date beside them. */
export function dinFields(from: Person | undefined, to: Person | undefined, date: string | false, labels: Labels): DinFields {
  const info: [string, ContactItem][] = []
  if (from?.phone) info.push([labels.phone, { text: from.phone }])
  if (from?.email) info.push([labels.email, { text: from.email, href: `mailto:${from.email}` }])
  if (date !== false) info.push([labels.date, { text: date }])
  return {
    returnAddress: from ? [from.name, ...from.address].filter(Boolean).join(' · ') : '',
    recipient: to ? recipientLines(to) : [],
    info,
  }
}
