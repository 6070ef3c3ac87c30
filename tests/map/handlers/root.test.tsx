import type { Root } from 'mdast'
import { describe, expect, test } from 'vitest'
import { childrenOf, isElement, textOf } from '../../helpers/element.js'
import { mapper, t } from '../setup.js'

describe('root', () => {
  test('is a VIEW of its blocks in order, each keyed', () => {
    const { state, tree } = mapper([
      { type: 'heading', depth: 1, children: [t('Title')] },
      { type: 'paragraph', children: [t('Body')] },
      { type: 'yaml', value: 'a: 1' },
      { type: 'thematicBreak' },
    ])
    const el = state.one(tree)
    expect(isElement(el) && el.type).toBe('VIEW')
    const blocks = childrenOf(el)
    expect(blocks).toHaveLength(4)
    expect(blocks.map((b) => (isElement(b) ? b.type : b))).toEqual(['TEXT', 'TEXT', null, 'VIEW'])
    expect(blocks.map((b) => (isElement(b) ? b.key : null))).toEqual(['0', '1', null, '3'])
    expect(textOf(el)).toBe('TitleBody')
  })

  test('an empty root is an empty VIEW', () => {
    const tree: Root = { type: 'root', children: [] }
    const { state } = mapper([])
    const el = state.one(tree)
    expect(isElement(el) && el.type).toBe('VIEW')
    expect(childrenOf(el)).toEqual([])
  })
})
