import type { Html, Paragraph } from 'mdast'
import { describe, expect, test } from 'vitest'
import { at, mapper } from '../setup.js'

const html = (value: string, line = 5): Html => ({ type: 'html', value, position: at(line, 3) })

describe('html', () => {
  test('renders nothing and warns at its line with the start of the markup', () => {
    const node = html('<div align="right">\n  signed\n</div>', 14)
    const { state, tree } = mapper([node])
    expect(state.one(node, tree)).toBeNull()
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toMatchObject({ line: 14, column: 3, source: 'letterpress:map' })
    expect(state.warnings[0]!.message).toContain('<div align="right">')
    expect(state.warnings[0]!.message).not.toContain('signed')
  })

  test('inline HTML warns too', () => {
    const node = html('<br>', 2)
    const p: Paragraph = { type: 'paragraph', children: [node] }
    const { state } = mapper([p])
    expect(state.one(node, p)).toBeNull()
    expect(state.warnings.map((w) => w.line)).toEqual([2])
  })

  test('the snippet in the warning is cut to 40 characters', () => {
    const node = html(`<p>${'x'.repeat(100)}</p>`)
    const { state, tree } = mapper([node])
    state.one(node, tree)
    const message = state.warnings[0]!.message
    expect(message).toContain(`<p>${'x'.repeat(37)}`)
    expect(message).not.toContain('x'.repeat(38))
  })

  test.each(['<!-- a note to self -->', '  <!--\nmulti-line\ncomment\n-->  '])(
    'an HTML comment renders nothing and does not warn: %j',
    (value) => {
      const node = html(value)
      const { state, tree } = mapper([node])
      expect(state.one(node, tree)).toBeNull()
      expect(state.warnings).toEqual([])
    },
  )

  test('several comments on one line are still only comments', () => {
    const node = html('<!-- one --> <!-- two -->')
    const { state, tree } = mapper([node])
    state.one(node, tree)
    expect(state.warnings).toEqual([])
  })

  test('markup between two comments is not mistaken for a comment', () => {
    const node = html('<!-- a --> <b>x</b> <!-- b -->', 8)
    const { state, tree } = mapper([node])
    expect(state.one(node, tree)).toBeNull()
    expect(state.warnings.map((w) => w.line)).toEqual([8])
  })

  test('an unclosed comment warns', () => {
    const node = html('<!-- never closed')
    const { state, tree } = mapper([node])
    state.one(node, tree)
    expect(state.warnings).toHaveLength(1)
  })
})
