// The plain-text model: a document as blocks of inline runs, built once from the letter's parts (or any other
// layout's), and read both as the plain-text twin and as the words a PDF must give back.
import type { Definition, FootnoteDefinition, Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import { expandTabs } from '../map/expand-tabs.js'
import { normaliseLabel } from '../util/label.js'
import { linkTarget } from '../util/url.js'

/** A run of inline text: words as set (`keep`: one item, never wrapped inside), a link's words with its target, or a footnote mark by its number. */
export type Inline = { text: string; url?: string; keep?: boolean } | { note: number }

/** One block of the document as plain text reads it. */
export type TextBlock =
  /** Text that flows: wrapped at the width; "\n" in it is a line break the PDF keeps. */
  | { type: 'paragraph'; inlines: Inline[] }
  /** Lines kept as lines (an address, the closing and its signer): each wrapped on its own, never joined. */
  | { type: 'lines'; lines: Inline[][] }
  | { type: 'list'; ordered: boolean; start: number; spread: boolean; items: { checked?: boolean; blocks: TextBlock[] }[] }
  | { type: 'quote'; blocks: TextBlock[] }
  /** Code as written (tabs expanded as in the PDF): never wrapped. */
  | { type: 'code'; text: string }
  | { type: 'table'; rows: Inline[][][] }
  | { type: 'rule' }
  /** Endnotes, numbered from 1 in the order they are cited. */
  | { type: 'notes'; notes: TextBlock[][] }

/**
 * What inline content needs from the whole tree: link definitions, footnote definitions, and the order in which
 * references first cite them (as the mapper numbers them: a reference to no definition gets no number).
 */
export interface Citations {
  definitions: Map<string, Definition>
  footnotes: Map<string, FootnoteDefinition>
  order: string[]
}

/** The tree's definitions (the first of each label wins, as in the mapper) and an empty citation order. */
export function citations(tree: Root): Citations {
  const found: Citations = { definitions: new Map(), footnotes: new Map(), order: [] }
  const collect = (node: Nodes) => {
    if (node.type === 'definition' && !found.definitions.has(normaliseLabel(node.identifier)))
      found.definitions.set(normaliseLabel(node.identifier), node)
    if (node.type === 'footnoteDefinition' && !found.footnotes.has(normaliseLabel(node.identifier)))
      found.footnotes.set(normaliseLabel(node.identifier), node)
    if ('children' in node) for (const child of node.children) collect(child)
  }
  collect(tree)
  return found
}

/** Blocks the PDF does not set in place. */
const NOT_SET = new Set(['yaml', 'definition', 'footnoteDefinition', 'html'])

/** Text runs with soft line breaks as spaces (the PDF's reading), or kept as breaks (the closing's lines). */
const softBreaks = (text: string, keep: boolean) => (keep ? text : text.replace(/[ \t]*\r?\n[ \t]*/g, ' '))

/** The inline runs of phrasing content; images, raw HTML and unknown empty nodes set nothing. */
export function inlines(nodes: readonly Nodes[], cites: Citations, keepBreaks = false): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    if (node.type === 'text') out.push({ text: softBreaks(node.value, keepBreaks) })
    else if (node.type === 'inlineCode') out.push({ text: expandTabs(node.value) })
    else if (node.type === 'break') out.push({ text: '\n' })
    else if (node.type === 'footnoteReference') {
      const id = normaliseLabel(node.identifier)
      if (!cites.footnotes.has(id)) continue
      if (!cites.order.includes(id)) cites.order.push(id)
      out.push({ note: cites.order.indexOf(id) + 1 })
    } else if (node.type === 'link' || node.type === 'linkReference') {
      const url = node.type === 'link' ? node.url : cites.definitions.get(normaliseLabel(node.identifier))?.url
      const target = url === undefined ? undefined : linkTarget(url)
      const text = textOf(inlines(node.children, cites, keepBreaks))
      out.push(target ? { text, url: target } : { text })
    } else if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') continue
    else if ('children' in node) out.push(...inlines(node.children as Nodes[], cites, keepBreaks))
    else if ('value' in node && typeof node.value === 'string') out.push({ text: node.value })
  }
  return out
}

/** The words of inline runs as the PDF sets them: a link's words without its target, a footnote mark as its number. */
export function textOf(runs: readonly Inline[]): string {
  return runs.map((run) => ('note' in run ? String(run.note) : run.text)).join('')
}

/** Markdown blocks as text blocks, in order; what the PDF does not set in place (definitions, HTML, footnotes) is left out. */
export function contentBlocks(nodes: readonly RootContent[], cites: Citations): TextBlock[] {
  const blocks: TextBlock[] = []
  for (const node of nodes) {
    if (NOT_SET.has(node.type)) continue
    if (node.type === 'paragraph' || node.type === 'heading') blocks.push({ type: 'paragraph', inlines: inlines(node.children, cites) })
    else if (node.type === 'list')
      blocks.push({
        type: 'list',
        ordered: Boolean(node.ordered),
        start: node.start ?? 1,
        spread: Boolean(node.spread || node.children.some((item) => item.spread)),
        items: node.children.map((item) => ({
          ...(typeof item.checked === 'boolean' && { checked: item.checked }),
          blocks: contentBlocks(item.children, cites),
        })),
      })
    else if (node.type === 'blockquote') blocks.push({ type: 'quote', blocks: contentBlocks(node.children, cites) })
    else if (node.type === 'code') blocks.push({ type: 'code', text: expandTabs(node.value) })
    else if (node.type === 'table')
      blocks.push({ type: 'table', rows: node.children.map((row) => row.children.map((cell) => inlines(cell.children, cites))) })
    else if (node.type === 'thematicBreak') blocks.push({ type: 'rule' })
    else if ('children' in node) blocks.push(...contentBlocks(node.children as RootContent[], cites))
    else if ('value' in node && typeof node.value === 'string') blocks.push({ type: 'paragraph', inlines: [{ text: node.value }] })
  }
  return blocks
}

/** The endnotes cited so far, each its blocks, as the layout sets them after the letter (none: no block). */
export function endnoteBlocks(cites: Citations): TextBlock[] {
  // The notes cited by now are set; a note citing another one first numbers it, as in the layout, without setting it.
  const cited = [...cites.order]
  const notes = cited.map((id) => contentBlocks(cites.footnotes.get(id)!.children, cites))
  return notes.length ? [{ type: 'notes', notes }] : []
}

/** A phrasing paragraph's runs (helper for layouts that build blocks from their own parts). */
export const paragraphOf = (children: readonly PhrasingContent[], cites: Citations, keepBreaks = false): TextBlock => ({
  type: 'paragraph',
  inlines: inlines(children, cites, keepBreaks),
})

/** The words blocks set, in reading order, as one text: blocks apart, inline runs together; no markers, no link targets. */
export function blocksText(blocks: readonly TextBlock[]): string {
  return blocks.map(blockText).join(' ')
}

function blockText(block: TextBlock): string {
  switch (block.type) {
    case 'paragraph':
      return textOf(block.inlines)
    case 'lines':
      return block.lines.map(textOf).join(' ')
    case 'list':
      return block.items.map((item) => blocksText(item.blocks)).join(' ')
    case 'quote':
      return blocksText(block.blocks)
    case 'code':
      return block.text
    case 'table':
      return block.rows.map((row) => row.map(textOf).join(' ')).join(' ')
    case 'rule':
      return ''
    case 'notes':
      // The notes' numbers are the layout's markers, not the letter's words.
      return block.notes.map(blocksText).join(' ')
  }
}
