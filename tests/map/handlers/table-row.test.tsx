import type { Table, TableRow } from 'mdast'
import { describe, expect, test } from 'vitest'
import { childrenOf, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper, t } from '../setup.js'

const row = (...texts: string[]): TableRow => ({ type: 'tableRow', children: texts.map((x) => ({ type: 'tableCell', children: [t(x)] })) })

describe('tableRow', () => {
  const header = row('Name', 'Role')
  const body = row('Ada', 'Analyst')
  const table: Table = { type: 'table', align: [null, null], children: [header, body] }

  test('is a row VIEW of its cells that does not break across pages', () => {
    const { state } = mapper([table])
    state.table = table
    const el = state.one(body, table)
    expect(isElement(el) && el.type).toBe('VIEW')
    expect(isElement(el) && el.props.wrap).toBe(false)
    expect(styleOf(el).flexDirection).toBe('row')
    // Between cells, space-only artifacts join the row into one line for text extractors.
    const cells = childrenOf(el).filter((c) => isElement(c) && c.props.role !== 'Artifact')
    expect(cells).toHaveLength(2)
    expect(cells.map((c) => textOf(c))).toEqual(['Ada', 'Analyst'])
  })

  test('the first row of its table is shaded, other rows are not', () => {
    const { state } = mapper([table])
    state.table = table
    expect(styleOf(state.one(header, table)).backgroundColor).toBe(classic.colors.tableHeaderBackground)
    expect(styleOf(state.one(body, table)).backgroundColor).toBeUndefined()
  })

  test('a row mapped without its table is not shaded', () => {
    const { state } = mapper([table])
    expect(styleOf(state.one(header)).backgroundColor).toBeUndefined()
  })
})
