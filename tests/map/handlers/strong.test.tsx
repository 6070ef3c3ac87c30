import type { Paragraph, Strong } from 'mdast'
import { describe, expect, test } from 'vitest'
import { findAll, get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { mapper, t } from '../setup.js'

describe('strong', () => {
  test('is a bold TEXT around its children', () => {
    const node: Strong = { type: 'strong', children: [t('important')] }
    const p: Paragraph = { type: 'paragraph', children: [node] }
    const { state } = mapper([p])
    const el = state.one(node, p)
    expect(isElement(el) && el.type).toBe('TEXT')
    expect(styleOf(get(el, 'TEXT')).fontWeight).toBe(700)
    expect(styleOf(get(el, 'TEXT')).fontStyle).toBeUndefined()
    expect(textOf(el)).toBe('important')
  })

  test('keeps an italic run inside it', () => {
    const node: Strong = { type: 'strong', children: [{ type: 'emphasis', children: [t('both')] }] }
    const p: Paragraph = { type: 'paragraph', children: [node] }
    const { state } = mapper([p])
    const [outer, inner] = findAll(state.one(node, p), 'TEXT')
    expect(styleOf(outer).fontWeight).toBe(700)
    expect(styleOf(inner).fontStyle).toBe('italic')
    expect(textOf(inner)).toBe('both')
  })
})
