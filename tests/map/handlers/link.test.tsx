import type { Link, Paragraph } from 'mdast'
import { describe, expect, test } from 'vitest'
import { find, get, isElement, styleOf, textOf } from '../../helpers/element.js'
import { at, classic, mapper, t } from '../setup.js'

const link = (url: string, line = 11): Link => ({
  type: 'link',
  url,
  children: [t('the '), { type: 'strong', children: [t('site')] }],
  position: at(line, 9),
})

function render(node: Link) {
  const p: Paragraph = { type: 'paragraph', children: [node] }
  const { state } = mapper([p])
  return { el: state.one(node, p), state }
}

describe('link', () => {
  test.each(['http://example.com', 'https://example.com/a?b=c#d', 'mailto:ada@example.com', 'tel:+441234567890'])(
    '%s becomes a LINK with src',
    (url) => {
      const { el, state } = render(link(url))
      expect(isElement(el) && el.type).toBe('LINK')
      expect(get(el, 'LINK').props.src).toBe(url)
      expect(styleOf(get(el, 'LINK')).color).toBe(classic.colors.link)
      expect(textOf(el)).toBe('the site')
      expect(state.warnings).toEqual([])
    },
  )

  test('the scheme is matched case-insensitively and the URL trimmed', () => {
    const { el } = render(link('  HTTPS://Example.com  '))
    expect(get(el, 'LINK').props.src).toBe('HTTPS://Example.com')
  })

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
    'ftp://example.com/f',
    'vbscript:x',
    'page.html',
    '#top',
  ])('%s is not made clickable: plain TEXT, a warning at its line', (url) => {
    const { el, state } = render(link(url, 17))
    expect(find(el, 'LINK')).toBeUndefined()
    expect(isElement(el) && el.type).toBe('TEXT')
    expect(textOf(el)).toBe('the site')
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toMatchObject({ line: 17, column: 9 })
    expect(state.warnings[0]!.message).toContain(url)
  })
})
