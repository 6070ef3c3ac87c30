import { describe, expect, test } from 'vitest'
import { hasScheme, linkTarget, profileLink } from '../../src/util/url.js'

describe('hasScheme: a URL rather than a file path', () => {
  test('a scheme, any case, makes a URL', () => {
    for (const text of [
      'https://example.com/a.png',
      'HTTP://x',
      'mailto:kim@example.com',
      'mailto:',
      'tel:+491',
      'data:image/png;base64,AA',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'svn+ssh://host',
      'x-y.z:1',
    ]) {
      expect(hasScheme(text), text).toBe(true)
    }
  })

  test('a Windows drive letter starts a path, not a scheme', () => {
    for (const text of ['C:\\x.png', 'c:/x.png', 'D:\\Letters\\cv.pdf']) expect(hasScheme(text), text).toBe(false)
  })

  test('paths and bare hosts have no scheme', () => {
    for (const text of ['github.com/x', './a:b.png', 'a.png', '/abs/a:b.png', '../up.png', '1http://x', ':x', '', ' https://x']) {
      expect(hasScheme(text), text).toBe(false)
    }
  })
})

describe('linkTarget: which URLs may be clickable', () => {
  test('http, https, mailto and tel links are, trimmed', () => {
    expect(linkTarget('https://example.com')).toBe('https://example.com')
    expect(linkTarget('  HTTP://example.com  ')).toBe('HTTP://example.com')
    expect(linkTarget('mailto:kim@example.com')).toBe('mailto:kim@example.com')
    expect(linkTarget('tel:+4930123')).toBe('tel:+4930123')
  })

  test('other schemes, drive letters, paths and bare hosts are not', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'ftp://x',
      'C:\\x.png',
      'github.com/x',
      './a.pdf',
      '',
    ]) {
      expect(linkTarget(url), url).toBeUndefined()
    }
  })
})

describe("profileLink: the sender's links", () => {
  test('a bare host is a web address', () => {
    expect(profileLink('github.com/x')).toBe('https://github.com/x')
    expect(profileLink('x.dev')).toBe('https://x.dev')
  })

  test('a URL keeps its scheme and is a link only if that is safe', () => {
    expect(profileLink('http://x.dev')).toBe('http://x.dev')
    expect(profileLink('mailto:kim@example.com')).toBe('mailto:kim@example.com')
    expect(profileLink('javascript:alert(1)')).toBeUndefined()
  })

  test('a drive letter is no host: it stays as written, and is no link', () => {
    expect(profileLink('C:\\cv.pdf')).toBeUndefined()
  })

  test('an empty address is a label alone, no link to "https://"', () => {
    expect(profileLink('')).toBeUndefined()
    expect(profileLink('  ')).toBeUndefined()
  })
})
