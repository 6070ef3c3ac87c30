/** Four sides in points. */
export interface Sides {
  top: number
  right: number
  bottom: number
  left: number
}

/** A theme: plain data that every handler and layout block reads; all sizes in points. */
export interface Theme {
  name: string
  page: { margin: Sides; footerOffset: number }
  fonts: { body: string; heading: string; mono: string; fallbacks: string[] }
  size: {
    body: number
    small: number
    code: number
    name: number
    title: number
    heading: [number, number, number, number, number, number]
    footnoteMark: number
  }
  leading: { body: number; heading: number; tight: number }
  colors: {
    text: string
    muted: string
    accent: string
    link: string
    rule: string
    codeBackground: string
    quoteBar: string
    tableBorder: string
    tableHeaderBackground: string
  }
  space: {
    paragraph: number
    headingBefore: number
    headingAfter: number
    listItem: number
    block: number
    letterhead: number
    addressBlock: number
    subject: number
    salutation: number
    closing: number
    signatureGap: number
  }
  list: { indent: number; markerWidth: number; markerGap: number; bullets: string[]; maxDepth: number }
  quote: { barWidth: number; indent: number }
  code: { padding: number; radius: number }
  table: { cellPadding: number; borderWidth: number }
  rule: { width: number }
  checkbox: { size: number; stroke: number }
  image: { maxHeight: number; dpi: number }
  signature: { height: number }
}
