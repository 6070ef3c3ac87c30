import type { ReactNode } from 'react'
import type { AlignType, Table, TableCell, TableRow } from 'mdast'
import { describe, expect, test } from 'vitest'
import { childrenOf, findAll, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper, t } from '../setup.js'

const cell = (text: string): TableCell => ({ type: 'tableCell', children: [t(text)] })
const row = (...texts: string[]): TableRow => ({ type: 'tableRow', children: texts.map(cell) })
const table = (align: AlignType[] | null | undefined, ...rows: TableRow[]): Table => ({ type: 'table', align, children: rows })

/** A row's cell texts, without the space-only bridges drawn between cells for text extractors. */
const cellTexts = (node: ReactNode) => findAll(node, 'TEXT').filter((x) => x.props.role !== 'Artifact')

function render(node: Table) {
  const { state, tree } = mapper([node])
  return { el: state.one(node, tree), state }
}

describe('table', () => {
  const node = table(
    ['left', 'center', 'right', null],
    row('Item', 'Qty', 'Price', 'Note'),
    row('Tea', '2', '£4', 'green'),
    row('Cake', '1', '£3', ''),
  )

  test('is a framed VIEW of its rows', () => {
    const { el } = render(node)
    expect(isElement(el) && el.type).toBe('VIEW')
    expect(styleOf(el)).toMatchObject({
      borderTopWidth: classic.table.borderWidth,
      borderLeftWidth: classic.table.borderWidth,
      borderColor: classic.colors.tableBorder,
    })
    const rows = childrenOf(el)
    expect(rows).toHaveLength(3)
    expect(
      rows.map((r) =>
        cellTexts(r)
          .map((x) => textOf(x))
          .join(''),
      ),
    ).toEqual(['ItemQtyPriceNote', 'Tea2£4green', 'Cake1£3'])
  })

  test('the header row is shaded and its cells bold; body rows are neither', () => {
    const { el } = render(node)
    const [header, ...body] = childrenOf(el)
    expect(styleOf(header).backgroundColor).toBe(classic.colors.tableHeaderBackground)
    for (const r of body) expect(styleOf(r).backgroundColor).toBeUndefined()
    expect(cellTexts(header).map((x) => styleOf(x).fontWeight)).toEqual([700, 700, 700, 700])
    for (const r of body) expect(cellTexts(r).map((x) => styleOf(x).fontWeight)).toEqual([400, 400, 400, 400])
  })

  test('cells take their column alignment; null aligns left', () => {
    const { el } = render(node)
    for (const r of childrenOf(el)) {
      expect(cellTexts(r).map((x) => styleOf(x).textAlign)).toEqual(['left', 'center', 'right', 'left'])
    }
  })

  test('without any alignment every cell aligns left', () => {
    for (const align of [null, undefined, []]) {
      const { el } = render(table(align, row('a', 'b'), row('c', 'd')))
      expect(cellTexts(el).map((x) => styleOf(x).textAlign)).toEqual(['left', 'left', 'left', 'left'])
    }
  })

  test('the table is forgotten after mapping', () => {
    const { state } = render(node)
    expect(state.table).toBeUndefined()
  })

  test('a second table reads its own alignment, not the first one’s', () => {
    const first = table(['right'], row('a'), row('b'))
    const second = table(['center'], row('c'), row('d'))
    const { state, tree } = mapper([first, second])
    state.one(first, tree)
    const el = state.one(second, tree)
    expect(cellTexts(el).map((x) => styleOf(x).textAlign)).toEqual(['center', 'center'])
  })
})
