import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Heading, ListItem, Paragraph } from 'mdast'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { childrenOf, find, get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper, PNG_1x1, t, tempDir } from '../setup.js'

let dir: string
let cleanup: () => void
beforeAll(() => {
  ;({ dir, cleanup } = tempDir({ 'sig.png': PNG_1x1 }))
})
afterAll(() => cleanup())

describe('paragraph', () => {
  test('is one TEXT in the body style with paragraph spacing', () => {
    const p: Paragraph = { type: 'paragraph', children: [t('Thank you for '), { type: 'emphasis', children: [t('everything')] }, t('.')] }
    const { state, tree } = mapper([{ type: 'thematicBreak' }, p])
    const el = state.one(p, tree)
    expect(isElement(el) && el.type).toBe('TEXT')
    const style = styleOf(get(el, 'TEXT'))
    expect(style.fontFamily).toEqual([classic.fonts.body, ...classic.fonts.fallbacks])
    expect(style.fontSize).toBe(classic.size.body)
    expect(style.marginTop).toBe(classic.space.paragraph)
    expect(style.marginBottom).toBeUndefined()
    expect(textOf(el)).toBe('Thank you for everything.')
  })

  test('space goes before a paragraph: none for the first of its container or right after a heading', () => {
    const p: Paragraph = { type: 'paragraph', children: [t('x')] }
    const q: Paragraph = { type: 'paragraph', children: [t('y')] }
    const h: Heading = { type: 'heading', depth: 2, children: [t('H')] }
    const { state, tree } = mapper([p, q, h, { ...q }])
    expect(styleOf(state.one(p, tree)).marginTop).toBe(0)
    expect(styleOf(state.one(q, tree)).marginTop).toBe(classic.space.paragraph)
    expect(styleOf(state.one(tree.children[3]!, tree)).marginTop).toBe(0)
    expect(styleOf(state.one(p, { type: 'blockquote', children: [p] })).marginTop).toBe(0)
  })

  test('the first paragraph of a list item sits on the marker line; a second one is spaced', () => {
    const p: Paragraph = { type: 'paragraph', children: [t('x')] }
    const other: Paragraph = { type: 'paragraph', children: [t('y')] }
    const item: ListItem = { type: 'listItem', spread: true, children: [p, other] }
    const { state } = mapper([{ type: 'list', children: [item] }])
    expect(styleOf(state.one(p, item)).marginTop).toBe(0)
    expect(styleOf(state.one(other, item)).marginTop).toBe(classic.space.paragraph)
  })

  test('a paragraph with an image splits into text, image and text blocks in order', () => {
    const p: Paragraph = {
      type: 'paragraph',
      children: [
        t('Signed,\n'),
        { type: 'image', url: 'sig.png', alt: 'signature' },
        t('\nAda '),
        { type: 'strong', children: [t('Lovelace')] },
      ],
    }
    const { state, tree } = mapper([p], dir)
    const el = state.one(p, tree)
    expect(isElement(el) && el.type).toBe('VIEW')
    const parts = childrenOf(el)
    expect(parts.map((part) => isElement(part) && part.type)).toEqual(['TEXT', 'VIEW', 'TEXT'])
    expect(textOf(parts[0])).toBe('Signed, ')
    expect(get(parts[1], 'IMAGE').props.src).toEqual(readFileSync(join(dir, 'sig.png')))
    expect(find(parts[0], 'IMAGE')).toBeUndefined()
    expect(textOf(parts[2])).toBe(' Ada Lovelace')
    expect(styleOf(parts[2]).fontSize).toBe(classic.size.body)
    expect(state.warnings).toEqual([])
  })

  test('a paragraph that is only an image (with whitespace around it) has no empty text blocks', () => {
    const p: Paragraph = { type: 'paragraph', children: [t('  '), { type: 'image', url: 'sig.png', alt: null }, t('\n')] }
    const { state, tree } = mapper([p], dir)
    const parts = childrenOf(state.one(p, tree))
    expect(parts).toHaveLength(1)
    expect(find(parts[0], 'IMAGE')).toBeDefined()
  })

  test('two images in a row stand as two blocks; an image reference counts as an image', () => {
    const p: Paragraph = {
      type: 'paragraph',
      children: [
        { type: 'image', url: 'sig.png', alt: 'a' },
        { type: 'imageReference', identifier: 's', referenceType: 'full', alt: 'b' },
      ],
    }
    const { state, tree } = mapper([p, { type: 'definition', identifier: 's', url: 'sig.png' }], dir)
    const parts = childrenOf(state.one(p, tree))
    expect(parts).toHaveLength(2)
    for (const part of parts) expect(find(part, 'IMAGE')).toBeDefined()
  })

  test('an image that cannot be loaded still leaves its alt text between the text blocks', () => {
    const p: Paragraph = { type: 'paragraph', children: [t('See '), { type: 'image', url: 'gone.png', alt: 'chart' }, t(' above')] }
    const { state, tree } = mapper([p], dir)
    const el = state.one(p, tree)
    expect(find(el, 'IMAGE')).toBeUndefined()
    expect(textOf(el)).toBe('See [chart] above')
    expect(state.warnings).toHaveLength(1)
  })
})
