import type { Definition } from 'mdast'
import { describe, expect, test } from 'vitest'
import { at, mapper } from '../setup.js'

describe('definition', () => {
  test('renders nothing and warns about nothing, even for an unsafe URL', () => {
    const node: Definition = { type: 'definition', identifier: 'x', url: 'javascript:alert(1)', position: at(3) }
    const { state, tree } = mapper([node])
    expect(state.one(node, tree)).toBeNull()
    expect(state.warnings).toEqual([])
    expect(state.definitions.get('x')).toBe(node)
  })
})
