/**
 * Props that give a react-pdf element its place in the tagged PDF's structure tree (P, H1…H6, L, LI, Lbl,
 * LBody, Table, TR, TH, TD, Figure with alt text, or Artifact for running headers). Spread onto the element:
 * `<Text {...role('H2')}>`; react-pdf's types do not know these props, but it passes them through to layout.
 */
export const role = (name: string, alt?: string): object => (alt === undefined ? { role: name } : { role: name, alt })
