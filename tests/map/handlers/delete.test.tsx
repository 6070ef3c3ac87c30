import type { Delete, Paragraph } from 'mdast'
import { describe, expect, test } from 'vitest'
import { get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { mapper, t } from '../setup.js'

describe('delete', () => {
  test('is a struck-through TEXT around its children', () => {
    const node: Delete = { type: 'delete', children: [t('old '), { type: 'emphasis', children: [t('price')] }] }
    const p: Paragraph = { type: 'paragraph', children: [node] }
    const { state } = mapper([p])
    const el = state.one(node, p)
    expect(isElement(el) && el.type).toBe('TEXT')
    expect(styleOf(get(el, 'TEXT')).textDecoration).toBe('line-through')
    expect(textOf(el)).toBe('old price')
    expect(state.warnings).toEqual([])
  })
})
