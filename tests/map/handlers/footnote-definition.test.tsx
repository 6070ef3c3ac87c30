import type { FootnoteDefinition } from 'mdast'
import { describe, expect, test } from 'vitest'
import { mapper, t } from '../setup.js'

describe('footnoteDefinition', () => {
  test('renders nothing in place, warns about nothing, and does not cite itself', () => {
    const node: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: '1',
      children: [{ type: 'paragraph', children: [t('See the appendix.')] }],
    }
    const { state, tree } = mapper([node])
    expect(state.one(node, tree)).toBeNull()
    expect(state.warnings).toEqual([])
    expect(state.footnotes.order).toEqual([])
    expect(state.footnotes.definitions.get('1')).toBe(node)
  })
})
