import type { Handler } from '../state.js'
import { blockquote } from './blockquote.js'
import { hardBreak } from './break.js'
import { code } from './code.js'
import { definition } from './definition.js'
import { del } from './delete.js'
import { emphasis } from './emphasis.js'
import { footnoteDefinition } from './footnote-definition.js'
import { footnoteReference } from './footnote-reference.js'
import { heading } from './heading.js'
import { html } from './html.js'
import { imageReference } from './image-reference.js'
import { image } from './image.js'
import { inlineCode } from './inline-code.js'
import { linkReference } from './link-reference.js'
import { link } from './link.js'
import { listItem } from './list-item.js'
import { list } from './list.js'
import { paragraph } from './paragraph.js'
import { root } from './root.js'
import { strong } from './strong.js'
import { tableCell } from './table-cell.js'
import { tableRow } from './table-row.js'
import { table } from './table.js'
import { text } from './text.js'
import { thematicBreak } from './thematic-break.js'
import { unknown } from './unknown.js'
import { yaml } from './yaml.js'

/** Every CommonMark and GFM node type, each with its handler; anything else goes to `unknown`. */
export const handlers: Record<string, Handler<never>> = {
  blockquote,
  break: hardBreak,
  code,
  definition,
  delete: del,
  emphasis,
  footnoteDefinition,
  footnoteReference,
  heading,
  html,
  image,
  imageReference,
  inlineCode,
  link,
  linkReference,
  list,
  listItem,
  paragraph,
  root,
  strong,
  table,
  tableCell,
  tableRow,
  text,
  thematicBreak,
  yaml,
}

export { unknown }
