import type { InlineCode, Paragraph } from 'mdast'
import { describe, expect, test } from 'vitest'
import { get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper } from '../setup.js'

describe('inlineCode', () => {
  test('is a TEXT in the mono family at the code size, on the code ground', () => {
    const node: InlineCode = { type: 'inlineCode', value: 'npm run build' }
    const p: Paragraph = { type: 'paragraph', children: [node] }
    const { state } = mapper([p])
    const el = state.one(node, p)
    expect(isElement(el) && el.type).toBe('TEXT')
    const style = styleOf(get(el, 'TEXT'))
    expect((style.fontFamily as string[])[0]).toBe(classic.fonts.mono)
    expect(style.fontFamily).toEqual([classic.fonts.mono, ...classic.fonts.fallbacks])
    expect(style.fontSize).toBe(classic.size.code)
    expect(style.backgroundColor).toBe(classic.colors.codeBackground)
    expect(textOf(el)).toBe('npm run build')
  })

  test('keeps its value verbatim (no Markdown, no trimming)', () => {
    const node: InlineCode = { type: 'inlineCode', value: ' *not emphasis*  ' }
    const p: Paragraph = { type: 'paragraph', children: [node] }
    const { state } = mapper([p])
    expect(textOf(state.one(node, p))).toBe(' *not emphasis*  ')
  })
})
