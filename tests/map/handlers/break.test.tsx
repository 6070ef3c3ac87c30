import type { Break, Paragraph } from 'mdast'
import { describe, expect, test } from 'vitest'
import { textOf } from '../../helpers/element.js'
import { mapper, t } from '../setup.js'

describe('break', () => {
  test('is a newline', () => {
    const node: Break = { type: 'break' }
    const p: Paragraph = { type: 'paragraph', children: [t('a'), node, t('b')] }
    const { state } = mapper([p])
    expect(state.one(node, p)).toBe('\n')
  })

  test('breaks the line inside a paragraph even though soft breaks become spaces', () => {
    const p: Paragraph = { type: 'paragraph', children: [t('Ada Lovelace'), { type: 'break' }, t('12 St James’s\nSquare')] }
    const { state, tree } = mapper([p])
    expect(textOf(state.one(p, tree))).toBe('Ada Lovelace\n12 St James’s Square')
  })
})
