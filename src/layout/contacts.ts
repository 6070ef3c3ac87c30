import type { Person } from '../types.js'
import { profileLink } from '../util/url.js'

/** One contact item as the letterhead sets it: its text, and its link target (mailto, tel, web) when it has one. */
export interface ContactItem {
  text: string
  href?: string
}

/** The sender's address and contact details, in the letterhead's order: address lines, e-mail, phone, links. */
export function contactItems(from: Person): ContactItem[] {
  return [
    ...from.address.map((line) => ({ text: line })),
    ...(from.email ? [{ text: from.email, href: `mailto:${from.email}` }] : []),
    ...(from.phone ? [{ text: from.phone, href: `tel:${from.phone.replace(/[^\d+]/g, '')}` }] : []),
    ...from.links.map((l) => ({ text: l.label, href: profileLink(l.url) })),
  ]
}
