/**
 * The structure roles a letter's elements may carry into the tagged PDF: the mapper and the layout give
 * them, src/draw turns them into structure elements of the same name (`Artifact` marks running
 * headers and decoration, which are no structure at all).
 */
export const ROLES = [
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'L',
  'LI',
  'Lbl',
  'LBody',
  'Table',
  'TR',
  'TH',
  'TD',
  'Figure',
  'Code',
  'BlockQuote',
  'Artifact',
] as const

/** One structure role; a name outside `ROLES` (a typo such as 'Tabel') does not compile. */
export type Role = (typeof ROLES)[number]

/**
 * Props that give a react-pdf element its place in the tagged PDF's structure tree (a Figure with its alt
 * text). Spread onto the element: `<Text {...role('H2')}>`; react-pdf's types do not know these props, but
 * it passes them through to layout.
 */
export const role = (name: Role, alt?: string): object => (alt === undefined ? { role: name } : { role: name, alt })
