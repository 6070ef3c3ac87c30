import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createMapper } from '../../../src/map/index.js'
import type { Image, Paragraph } from 'mdast'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { find, get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { at, classic, jpeg, mapper, png, PNG_1x1, tempDir } from '../setup.js'

let dir: string
let cleanup: () => void
beforeAll(() => {
  ;({ dir, cleanup } = tempDir({
    'pic.png': PNG_1x1,
    'my pic.png': PNG_1x1,
    'photo.jpg': jpeg(30, 20),
    'small.png': png(48, 24),
    'tall.png': png(20, 2000),
    'fake.png': 'not really a PNG\n',
    'drawing.gif': Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
  }))
})
afterAll(() => cleanup())

const image = (url: string, alt: string | null = 'Logo', line = 6): Image => ({ type: 'image', url, alt, position: at(line, 1) })

function render(node: Image) {
  const p: Paragraph = { type: 'paragraph', children: [node] }
  const { state } = mapper([p], dir)
  return { el: state.one(node, p), state }
}

describe('image', () => {
  test('a local PNG becomes an IMAGE with the absolute path, no warning', () => {
    const { el, state } = render(image('pic.png'))
    expect(isElement(el) && el.type).toBe('IMAGE')
    expect(get(el, 'IMAGE').props.src).toEqual(readFileSync(join(dir, 'pic.png')))
    expect(state.warnings).toEqual([])
  })

  test('is set at the theme resolution and never wider than the column', () => {
    const { el } = render(image('./small.png'))
    const style = styleOf(get(el, 'IMAGE'))
    expect(style.maxWidth).toBe('100%')
    // 48 px at the theme's dpi, in points: not stretched to the column.
    expect(style.width).toBeCloseTo((48 * 72) / classic.image.dpi, 6)
  })

  test('a tall image is shrunk to the theme height limit, keeping its proportions', () => {
    const { el } = render(image('tall.png'))
    const width = styleOf(get(el, 'IMAGE')).width as number
    const height = (width * 2000) / 20
    expect(height).toBeLessThanOrEqual(classic.image.maxHeight + 1e-9)
    expect(height).toBeCloseTo(classic.image.maxHeight, 6)
  })

  test('a JPEG is embedded too', () => {
    const { el, state } = render(image('photo.jpg'))
    expect(get(el, 'IMAGE').props.src).toEqual(readFileSync(join(dir, 'photo.jpg')))
    expect(state.warnings).toEqual([])
  })

  test('a percent-encoded path is decoded', () => {
    const { el } = render(image('my%20pic.png'))
    expect(get(el, 'IMAGE').props.src).toEqual(readFileSync(join(dir, 'my pic.png')))
  })

  test('an absolute path inside the letter folder is used; outside it, the image is refused unread', () => {
    const p: Paragraph = { type: 'paragraph', children: [image(join(dir, 'pic.png'))] }
    const inside = mapper([p], dir)
    expect(get(inside.state.one(p.children[0]!, p), 'IMAGE').props.src).toEqual(readFileSync(join(dir, 'pic.png')))
    const outside = mapper([p], '/nowhere')
    expect(find(outside.state.one(p.children[0]!, p), 'IMAGE')).toBeUndefined()
    expect(outside.state.warnings[0]!.message).toContain("is outside the letter's folder and was not read")
    const allowed = createMapper({ type: 'root', children: [p] }, classic, '/nowhere', undefined, [dir])
    expect(get(allowed.one(p.children[0]!, p), 'IMAGE').props.src).toEqual(readFileSync(join(dir, 'pic.png')))
  })

  test.each([
    ['a missing file', 'missing.png', 'not found'],
    ['a file that is not PNG or JPEG despite its name', 'fake.png', 'not a PNG or JPEG'],
    ['a GIF', 'drawing.gif', 'not a PNG or JPEG'],
    ['a folder', '.', 'not a file'],
    ['an http URL', 'http://example.com/logo.png', 'nothing is fetched'],
    ['an https URL', 'https://example.com/logo.png', 'nothing is fetched'],
    ['a data URL', `data:image/png;base64,${PNG_1x1.toString('base64')}`, 'nothing is fetched'],
  ])('%s: no IMAGE, a warning at its line, the alt text in brackets', (_what, url, problem) => {
    const { el, state } = render(image(url, 'Company logo', 21))
    expect(find(el, 'IMAGE')).toBeUndefined()
    expect(isElement(el) && el.type).toBe('TEXT')
    expect(textOf(el)).toBe('[Company logo]')
    expect(styleOf(get(el, 'TEXT')).color).toBe(classic.colors.muted)
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toMatchObject({ line: 21, column: 1 })
    expect(state.warnings[0]!.message).toContain(problem)
  })

  test('without alt text a missing image draws nothing but still warns', () => {
    for (const alt of [null, '']) {
      const { el, state } = render(image('missing.png', alt, 3))
      expect(el).toBeNull()
      expect(state.warnings.map((w) => w.line)).toEqual([3])
    }
  })
})
