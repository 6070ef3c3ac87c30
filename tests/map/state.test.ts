import type { Blockquote, Definition, FootnoteDefinition, Heading, Paragraph, Root } from 'mdast'
import { isValidElement } from 'react'
import { describe, expect, test } from 'vitest'
import { createState, normaliseLabel, type Handler } from '../../src/map/state.js'
import { textOf } from '../helpers/element.js'
import { at, classic, mapper, t } from './setup.js'

describe('createState', () => {
  test('starts with empty depth, no table, soft breaks as spaces and no warnings', () => {
    const { state } = mapper([], '/letters')
    expect(state.theme).toBe(classic)
    expect(state.baseDir).toBe('/letters')
    expect(state.depth).toEqual({ list: 0, quote: 0 })
    expect(state.table).toBeUndefined()
    expect(state.keepLineBreaks).toBe(false)
    expect(state.warnings).toEqual([])
    expect(state.footnotes.order).toEqual([])
  })

  test('one() maps a node through the handler for its type', () => {
    const heading: Heading = { type: 'heading', depth: 1, children: [t('Title')] }
    const { state, tree } = mapper([heading])
    const el = state.one(heading, tree)
    expect(isValidElement(el) && el.type).toBe('TEXT')
    expect(textOf(el)).toBe('Title')
  })

  test('one() passes the parent on to the handler', () => {
    const seen: unknown[] = []
    const spy: Handler = (_state, _node, parent) => {
      seen.push(parent)
      return null
    }
    const tree: Root = { type: 'root', children: [{ type: 'thematicBreak' }] }
    const state = createState(tree, {
      theme: classic,
      baseDir: '.',
      width: 450,
      measure: (t, size) => t.length * size * 0.5,
      handlers: { thematicBreak: spy },
      unknown: spy,
    })
    state.one(tree.children[0]!, tree)
    state.one(tree.children[0]!)
    expect(seen).toEqual([tree, undefined])
  })

  test('all() maps every child in order and keys elements by index', () => {
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [t('a '), { type: 'emphasis', children: [t('b')] }, t(' c'), { type: 'strong', children: [t('d')] }],
    }
    const { state } = mapper([paragraph])
    const out = state.all(paragraph)
    expect(out).toHaveLength(4)
    expect(out[0]).toBe('a ')
    expect(out[2]).toBe(' c')
    expect(isValidElement(out[1]) && out[1].key).toBe('1')
    expect(isValidElement(out[3]) && out[3].key).toBe('3')
    expect(textOf(out)).toBe('a b cd')
  })

  test('unknown node types go to the unknown handler, which warns', () => {
    const tree = { type: 'root', children: [{ type: 'mystery', children: [t('kept')] }] } as unknown as Root
    const calls: string[] = []
    const unknown: Handler = (_state, node) => {
      calls.push(node.type)
      return 'u'
    }
    const state = createState(tree, {
      theme: classic,
      baseDir: '.',
      width: 450,
      measure: (t, size) => t.length * size * 0.5,
      handlers: {},
      unknown,
    })
    expect(state.one(tree.children[0]!, tree)).toBe('u')
    expect(calls).toEqual(['mystery'])
  })

  test('with the real handlers, an unknown type warns and keeps its text', () => {
    const mystery = { type: 'mystery', children: [t('x')], position: at(4, 2) }
    const { state, tree } = mapper([mystery as unknown as Paragraph])
    const out = state.one(mystery as unknown as Paragraph, tree)
    expect(textOf(out)).toBe('x')
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toMatchObject({ line: 4, column: 2, source: 'letterpress:map' })
    expect(state.warnings[0]!.message).toContain('mystery')
  })

  test.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])(
    'a node type named like an Object.prototype member ("%s") is still unknown',
    (type) => {
      const node = { type, children: [t('inside')] } as unknown as Paragraph
      const { state, tree } = mapper([node])
      const out = state.one(node, tree)
      expect(textOf(out)).toBe('inside')
      expect(state.warnings).toHaveLength(1)
      expect(state.warnings[0]!.message).toContain(`"${type}"`)
    },
  )

  test('warn() records line and column from the node position', () => {
    const { state } = mapper([])
    state.warn('first', { type: 'text', value: 'x', position: at(12, 5) })
    state.warn('second', { type: 'text', value: 'y' })
    state.warn('third')
    expect(state.warnings).toEqual([
      { message: 'first', line: 12, column: 5, source: 'letterpress:map' },
      { message: 'second', line: null, column: null, source: 'letterpress:map' },
      { message: 'third', line: null, column: null, source: 'letterpress:map' },
    ])
  })

  test('collects link definitions anywhere in the tree, by normalised label, first one winning', () => {
    const first: Definition = { type: 'definition', identifier: 'My  Site', label: 'My  Site', url: 'https://one.example' }
    const second: Definition = { type: 'definition', identifier: 'my site', label: 'my site', url: 'https://two.example' }
    const nested: Definition = { type: 'definition', identifier: 'Deep', url: 'https://deep.example' }
    const quote: Blockquote = { type: 'blockquote', children: [nested] }
    const { state } = mapper([first, second, quote])
    expect([...state.definitions.keys()].sort()).toEqual(['deep', 'my site'])
    expect(state.definitions.get('my site')?.url).toBe('https://one.example')
    expect(state.definitions.get('deep')).toBe(nested)
  })

  test('collects footnote definitions by normalised label, first one winning', () => {
    const a: FootnoteDefinition = { type: 'footnoteDefinition', identifier: 'Note', children: [{ type: 'paragraph', children: [t('A')] }] }
    const b: FootnoteDefinition = { type: 'footnoteDefinition', identifier: 'note', children: [{ type: 'paragraph', children: [t('B')] }] }
    const c: FootnoteDefinition = { type: 'footnoteDefinition', identifier: '2', children: [] }
    const { state } = mapper([a, b, { type: 'blockquote', children: [c] }])
    expect([...state.footnotes.definitions.keys()].sort()).toEqual(['2', 'note'])
    expect(state.footnotes.definitions.get('note')).toBe(a)
    expect(state.definitions.size).toBe(0)
  })
})

describe('normaliseLabel', () => {
  test('trims, collapses whitespace and lowercases', () => {
    expect(normaliseLabel('  Foo \n\t Bar  ')).toBe('foo bar')
  })
})
