import type { Blockquote } from 'mdast'
import { describe, expect, test } from 'vitest'
import { isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper, t } from '../setup.js'

const quote = (...children: Blockquote['children']): Blockquote => ({ type: 'blockquote', children })

describe('blockquote', () => {
  test('is a VIEW indented behind a bar, holding its blocks', () => {
    const node = quote({ type: 'paragraph', children: [t('To be, or not')] }, { type: 'paragraph', children: [t('to be.')] })
    const { state, tree } = mapper([node])
    const el = state.one(node, tree)
    expect(isElement(el) && el.type).toBe('VIEW')
    expect(styleOf(el)).toMatchObject({
      borderLeftWidth: classic.quote.barWidth,
      borderLeftColor: classic.colors.quoteBar,
      paddingLeft: classic.quote.indent,
    })
    expect(styleOf(el).marginTop).toBe(0) // the first block of the letter
    expect(textOf(el)).toBe('To be, or notto be.')
    expect(state.depth.quote).toBe(0)
  })

  test('nesting indents until the theme maximum, then stops indenting', () => {
    let node = quote({ type: 'paragraph', children: [t('deep')] })
    const levels = classic.list.maxDepth + 2
    for (let i = 1; i < levels; i++) node = quote(node)
    const { state, tree } = mapper([node])
    const paddings: unknown[] = []
    let el: unknown = state.one(node, tree)
    while (isElement(el) && el.type === 'VIEW') {
      paddings.push(styleOf(el).paddingLeft)
      el = ([el.props.children].flat() as unknown[])[0]
    }
    expect(paddings).toHaveLength(levels)
    expect(paddings.slice(0, classic.list.maxDepth)).toEqual(Array(classic.list.maxDepth).fill(classic.quote.indent))
    expect(paddings.slice(classic.list.maxDepth)).toEqual([0, 0])
    expect(state.depth.quote).toBe(0)
  })
})
