import type { Paragraph, Text } from 'mdast'
import { describe, expect, test } from 'vitest'
import { textOf } from '../../helpers/element.js'
import { mapper, t } from '../setup.js'

const para = (node: Text): Paragraph => ({ type: 'paragraph', children: [node] })

describe('text', () => {
  test('returns its value as a plain string', () => {
    const node = t('Dear Ms. Lovelace,')
    const { state } = mapper([para(node)])
    expect(state.one(node)).toBe('Dear Ms. Lovelace,')
  })

  test('soft line breaks become single spaces, swallowing spaces and tabs around them', () => {
    const node = t('one\ntwo  \n\tthree\r\nfour')
    const p = para(node)
    const { state } = mapper([p])
    expect(state.one(node, p)).toBe('one two three four')
  })

  test('keeps line breaks when state.keepLineBreaks is true', () => {
    const node = t('Kind regards,\nAda')
    const p = para(node)
    const { state } = mapper([p])
    state.keepLineBreaks = true
    expect(state.one(node, p)).toBe('Kind regards,\nAda')
    state.keepLineBreaks = false
    expect(state.one(node, p)).toBe('Kind regards, Ada')
  })

  test('inside a paragraph the text reads without the break', () => {
    const p = para(t('a\nb'))
    const { state, tree } = mapper([p])
    expect(textOf(state.one(p, tree))).toBe('a b')
  })
})
