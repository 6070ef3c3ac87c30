import type { Emphasis, Paragraph } from 'mdast'
import { describe, expect, test } from 'vitest'
import { findAll, get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { mapper, t } from '../setup.js'

describe('emphasis', () => {
  test('is an italic TEXT around its children', () => {
    const node: Emphasis = { type: 'emphasis', children: [t('really')] }
    const p: Paragraph = { type: 'paragraph', children: [node] }
    const { state } = mapper([p])
    const el = state.one(node, p)
    expect(isElement(el) && el.type).toBe('TEXT')
    expect(styleOf(get(el, 'TEXT')).fontStyle).toBe('italic')
    expect(textOf(el)).toBe('really')
  })

  test('nests other inline marks', () => {
    const node: Emphasis = { type: 'emphasis', children: [t('very '), { type: 'strong', children: [t('much')] }] }
    const p: Paragraph = { type: 'paragraph', children: [node] }
    const { state } = mapper([p])
    const el = state.one(node, p)
    const texts = findAll(el, 'TEXT')
    expect(texts).toHaveLength(2)
    expect(styleOf(texts[1]).fontWeight).toBe(700)
    expect(textOf(el)).toBe('very much')
  })
})
