import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Definition, ImageReference, Paragraph } from 'mdast'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { find, get, textOf } from '../../helpers/element.js'
import { at, mapper, PNG_1x1, tempDir } from '../setup.js'

let dir: string
let cleanup: () => void
beforeAll(() => {
  ;({ dir, cleanup } = tempDir({ 'seal.png': PNG_1x1 }))
})
afterAll(() => cleanup())

const ref = (identifier: string, alt = 'Seal'): ImageReference => ({
  type: 'imageReference',
  identifier,
  label: identifier,
  referenceType: 'full',
  alt,
  position: at(8, 4),
})
const def = (identifier: string, url: string): Definition => ({ type: 'definition', identifier, url })

function render(node: ImageReference, ...defs: Definition[]) {
  const p: Paragraph = { type: 'paragraph', children: [node] }
  const { state } = mapper([p, ...defs], dir)
  return { el: state.one(node, p), state }
}

describe('imageReference', () => {
  test('resolves through its definition to a local IMAGE', () => {
    const { el, state } = render(ref('seal'), def('seal', 'seal.png'))
    expect(get(el, 'IMAGE').props.src).toEqual(readFileSync(join(dir, 'seal.png')))
    expect(state.warnings).toEqual([])
  })

  test('matches the definition by normalised label', () => {
    const { el } = render(ref('Company  Seal'), def('company seal', 'seal.png'))
    expect(get(el, 'IMAGE').props.src).toEqual(readFileSync(join(dir, 'seal.png')))
  })

  test('without a definition: a warning at its line and the alt text in brackets', () => {
    const { el, state } = render(ref('nope', 'Our seal'))
    expect(find(el, 'IMAGE')).toBeUndefined()
    expect(textOf(el)).toBe('[Our seal]')
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toMatchObject({ line: 8, column: 4 })
    expect(state.warnings[0]!.message).toContain('no definition')
  })

  test('a definition pointing at a remote URL is not fetched', () => {
    const { el, state } = render(ref('seal'), def('seal', 'https://example.com/seal.png'))
    expect(find(el, 'IMAGE')).toBeUndefined()
    expect(textOf(el)).toBe('[Seal]')
    expect(state.warnings.map((w) => w.line)).toEqual([8])
  })
})
