import type { Table, TableCell, TableRow } from 'mdast'
import { describe, expect, test } from 'vitest'
import { get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper, t } from '../setup.js'

const cell = (...children: TableCell['children']): TableCell => ({ type: 'tableCell', children })

describe('tableCell', () => {
  const a = cell(t('Total'))
  const b = cell({ type: 'strong', children: [t('£7')] })
  const c = cell(t('x'))
  const head: TableRow = { type: 'tableRow', children: [cell(t('H1')), cell(t('H2')), cell(t('H3'))] }
  const body: TableRow = { type: 'tableRow', children: [a, b, c] }
  const table: Table = { type: 'table', align: ['right', 'center', null], children: [head, body] }

  function mapped(node: TableCell, parent: TableRow) {
    const { state } = mapper([table])
    state.table = table
    return state.one(node, parent)
  }

  test('is a bordered VIEW holding a TEXT of its content', () => {
    const el = mapped(b, body)
    expect(isElement(el) && el.type).toBe('VIEW')
    expect(styleOf(el).width).toBeGreaterThan(0)
    expect(styleOf(el)).toMatchObject({
      padding: classic.table.cellPadding,
      borderRightWidth: classic.table.borderWidth,
      borderBottomWidth: classic.table.borderWidth,
    })
    expect(textOf(el)).toBe('£7')
  })

  test('takes the alignment of its column', () => {
    expect(styleOf(get(mapped(a, body), 'TEXT')).textAlign).toBe('right')
    expect(styleOf(get(mapped(b, body), 'TEXT')).textAlign).toBe('center')
    expect(styleOf(get(mapped(c, body), 'TEXT')).textAlign).toBe('left')
  })

  test('is bold in the header row only', () => {
    expect(styleOf(get(mapped(head.children[0]!, head), 'TEXT')).fontWeight).toBe(700)
    expect(styleOf(get(mapped(a, body), 'TEXT')).fontWeight).toBe(400)
  })

  test('soft line breaks in a cell read as spaces', () => {
    const soft = cell(t('two\nlines'))
    const r: TableRow = { type: 'tableRow', children: [soft] }
    expect(textOf(mapped(soft, r))).toBe('two lines')
  })

  test('a cell mapped outside any table or row is not taken for a header', () => {
    const stray = cell(t('loose'))
    const { state } = mapper([table])
    const el = state.one(stray)
    expect(styleOf(get(el, 'TEXT'))).toMatchObject({ fontWeight: 400, textAlign: 'left' })
  })

  test('a cell wrapped in an unknown node outside a table is not bold either', () => {
    const stray = cell(t('loose'))
    const wrapper = { type: 'pluginBlock', children: [stray] } as unknown as Table
    const { state, tree } = mapper([wrapper])
    const el = state.one(wrapper, tree)
    expect(styleOf(get(el, 'TEXT')).fontWeight).toBe(400)
    expect(textOf(el)).toBe('loose')
  })
})
