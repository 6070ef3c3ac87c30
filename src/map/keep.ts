import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { State } from './state.js'
import { measureWith } from '../fonts/measure.js'

/** A block kept whole takes at most this share of a page's text area, so an estimate that runs short still fits. */
const KEPT_SHARE = 0.5
/** Blocks whose text is set as lines of their own (each starts a new line). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell'])
/** Nodes that set nothing. */
const UNSET = new Set(['html', 'yaml', 'definition', 'footnoteDefinition'])

/** About how many body lines a block sets in the current column: each paragraph and nested item starts a line. */
export function estimatedLines(state: State, node: Nodes): number {
  if (UNSET.has(node.type)) return 0
  // Code keeps its lines, and wraps those too long for the column (as the code handler sets them).
  if (node.type === 'code') {
    const measure = measureWith(state.theme.fonts.mono)
    const width = Math.max(1, state.width - 2 * state.theme.code.padding)
    return node.value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(measure(line, state.theme.size.code) / width)), 0)
  }
  if (TEXT_BLOCKS.has(node.type) || !('children' in node)) {
    const text = toString(node)
    return text ? Math.max(1, Math.ceil(state.measure(text, state.theme.size.body) / Math.max(1, state.width))) : 0
  }
  // An explicit stack: a deeply nested item must not overflow the call stack here.
  let lines = 0
  const stack: Nodes[] = [...node.children]
  while (stack.length) {
    const child = stack.pop()!
    if (UNSET.has(child.type) || child.type === 'code' || TEXT_BLOCKS.has(child.type) || !('children' in child))
      lines += estimatedLines(state, child)
    else stack.push(...child.children)
  }
  return lines
}

/** Whether a block `height` points tall may be kept whole on one page: it takes at most half a page's text area. */
export function fitsKept(state: State, height: number): boolean {
  return height <= state.height * KEPT_SHARE
}

/**
 * Whether a block of about `lines` body lines moves to the next page whole rather than split: when it has at most
 * `limit` lines and fits kept (fitsKept), so a block kept whole never runs past the foot of the page.
 */
export function keepsWhole(state: State, lines: number, limit: number): boolean {
  return lines <= limit && fitsKept(state, lines * state.theme.size.body * state.theme.leading.body)
}
