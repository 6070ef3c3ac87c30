import type { Yaml } from 'mdast'
import { describe, expect, test } from 'vitest'
import { mapper } from '../setup.js'

describe('yaml', () => {
  test('front matter renders nothing and warns about nothing', () => {
    const node: Yaml = { type: 'yaml', value: 'to: Ada\nsubject: Hello' }
    const { state, tree } = mapper([node])
    expect(state.one(node, tree)).toBeNull()
    expect(state.warnings).toEqual([])
  })
})
