import type { Code } from 'mdast'
import { describe, expect, test } from 'vitest'
import { findAll, get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { classic, mapper } from '../setup.js'

describe('code', () => {
  const node: Code = { type: 'code', lang: 'ts', meta: null, value: 'const a = 1\n  const b = 2\n\nreturn a + b' }

  test('is a VIEW on the code ground holding a mono TEXT', () => {
    const { state, tree } = mapper([node])
    const el = state.one(node, tree)
    expect(isElement(el) && el.type).toBe('VIEW')
    expect(styleOf(get(el, 'VIEW')).backgroundColor).toBe(classic.colors.codeBackground)
    expect(styleOf(get(el, 'VIEW')).padding).toBe(classic.code.padding)
    const text = styleOf(get(el, 'TEXT'))
    expect((text.fontFamily as string[])[0]).toBe(classic.fonts.mono)
    expect(text.fontSize).toBe(classic.size.code)
  })

  test('keeps its newlines and indentation even when soft breaks become spaces', () => {
    const { state, tree } = mapper([node])
    expect(state.keepLineBreaks).toBe(false)
    const lines = findAll(state.one(node, tree), 'TEXT').map((line) => textOf(line))
    expect(lines).toEqual(['const a = 1', '  const b = 2', ' ', 'return a + b'])
  })

  test('pads an indented line by its indent, which its leading spaces fill, and expands tabs to stops of 4', () => {
    const python: Code = { ...node, value: 'def f(x):\n\tif x:\n\t  return x' }
    const { state, tree } = mapper([python])
    const lines = findAll(state.one(python, tree), 'TEXT')
    expect(lines.map((line) => textOf(line))).toEqual(['def f(x):', '    if x:', '      return x'])
    const pads = lines.map((line) => styleOf(line).paddingLeft as number)
    expect(pads[0]).toBe(0)
    expect(pads[2]! / pads[1]!).toBeCloseTo(6 / 4)
  })
})
