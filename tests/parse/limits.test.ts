// The limits on a letter's source: size, UTF-8, nesting and emphasis marks, checked before any parsing.
import { describe, expect, test } from 'vitest'
import { thrown } from '../helpers/errors.js'
import { LetterError, parseLetter } from '../../src/index.js'
import { checkSource, decodeLetter, MAX_MARKS, MAX_NESTING, MAX_PARAGRAPH_MARKS } from '../../src/parse/limits.js'

const head = 'Dear Sam,\n\n'
const errorOf = thrown
const scan = (markdown: string) => errorOf(() => checkSource(markdown, 'x.md'))
const nested = `lists and block quotes are nested more than ${MAX_NESTING} deep here`

describe('nesting, before parsing', () => {
  test('list items nested by indentation, one level per line, fail on the first line too deep', () => {
    const lines = (n: number, indent = '  ') => head + Array.from({ length: n }, (_, i) => `${indent.repeat(i)}- item`).join('\n') + '\n'
    expect(() => checkSource(lines(MAX_NESTING), 'x.md')).not.toThrow()
    const e = scan(lines(10_000))
    expect(e.message).toContain(nested)
    expect([e.line, e.column, e.file]).toEqual([MAX_NESTING + 3, 2 * MAX_NESTING + 1, 'x.md'])
    expect(scan(lines(MAX_NESTING + 1, '\t')).line).toBe(MAX_NESTING + 3)
    expect(scan(lines(MAX_NESTING + 1).replace(/\n/g, '\n\n')).message).toContain(nested)
  })

  test('list markers and quote markers on one line (- - -, > > >, >>>, 1. 1.) count one level each', () => {
    const deep = MAX_NESTING + 1
    for (const line of [
      '- '.repeat(10_000),
      '* '.repeat(deep),
      '1. '.repeat(deep),
      '> '.repeat(10_000),
      '>'.repeat(10_000),
      '> - '.repeat(deep),
    ]) {
      const e = scan(`${head}${line}a\n`)
      expect(e.message).toContain(nested)
      expect(e.line).toBe(3)
    }
    expect(() => checkSource(`${head}${'>'.repeat(MAX_NESTING)} a\n`, 'x.md')).not.toThrow()
  })

  test('lazy lines do not end the containers they continue', () => {
    const md = head + Array.from({ length: MAX_NESTING + 1 }, (_, i) => `${'  '.repeat(i)}- a\nlazy text`).join('\n') + '\n'
    expect(scan(md).message).toContain(nested)
  })

  test('what only looks nested is no container: thematic breaks, code, front matter', () => {
    const many = MAX_NESTING + 5
    const fine = [
      `${head}${'- '.repeat(many)}\n`,
      `${head}\`\`\`\n${'- '.repeat(many)}a\n${'> '.repeat(many)}\n\`\`\`\n`,
      `---\ncc:\n${Array.from({ length: many }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n---\n${head}`,
      `${head}    ${'- '.repeat(many)}a\n`,
    ]
    for (const md of fine) expect(() => checkSource(md, 'x.md')).not.toThrow()
  })

  test('the scan agrees with the tree: what it lets through is within the limit after parsing', () => {
    const md =
      head + Array.from({ length: MAX_NESTING }, (_, i) => `${'> '.repeat(i % 3 === 0 ? 1 : 0)}${'  '.repeat(i)}- a`).join('\n') + '\n'
    expect(() => parseLetter(md, 'x.md')).not.toThrow()
  })

  test('parseLetter refuses before parsing, with the line, and quickly', () => {
    // 20 KB of nesting took minutes or overflowed the stack when only the parsed tree was checked.
    for (const md of [
      `${head}${'- '.repeat(10_000)}a\n`,
      `${head}${'>'.repeat(10_000)} a\n`,
      `${head}${'**'.repeat(5_000)}a${'**'.repeat(5_000)}\n`,
    ]) {
      const e = errorOf(() => parseLetter(md, 'x.md'))
      expect(e).toBeInstanceOf(LetterError)
      expect(e.line).toBe(3)
    }
  })
})

describe('emphasis marks and brackets, before parsing', () => {
  const paragraph = `more than ${MAX_PARAGRAPH_MARKS} emphasis marks and brackets (* _ ~ [ ]) in one paragraph`

  test('a paragraph with more marks than the limit fails at the mark past it', () => {
    for (const body of [
      '**'.repeat(5_000) + 'a' + '**'.repeat(5_000),
      '*a'.repeat(10_000),
      'a' + '*_'.repeat(10_000),
      '[a]'.repeat(10_000),
      '~~a'.repeat(5_000),
      '_a'.repeat(10_000),
    ]) {
      const e = scan(`${head}${body}\n`)
      expect(e.message).toContain(paragraph)
      expect(e.line).toBe(3)
    }
    const e = scan(`${head}${'x **y** '.repeat(200)}\n`)
    expect(e.column).toBe((MAX_PARAGRAPH_MARKS / 4) * 8 + 3)
  })

  test('the count spans the lines of a paragraph and starts again after a blank line or a new list item', () => {
    expect(scan(`${head}${'*a*\n'.repeat(MAX_PARAGRAPH_MARKS)}`).message).toContain(paragraph)
    expect(() => checkSource(`${head}${'*a*\n\n'.repeat(MAX_PARAGRAPH_MARKS / 2)}`, 'x.md')).not.toThrow()
    expect(() => checkSource(`${head}${'- *a*\n'.repeat(MAX_PARAGRAPH_MARKS / 2)}`, 'x.md')).not.toThrow()
    // "2." cannot interrupt a paragraph, so its lines belong to the paragraph above.
    expect(scan(`${head}a\n${'2. *a*\n'.repeat(MAX_PARAGRAPH_MARKS)}`).message).toContain(paragraph)
  })

  test('the whole letter holds at most MAX_MARKS', () => {
    const e = scan(`${head}${'**a** *b*\n\n'.repeat(MAX_MARKS / 6 + 1)}`)
    expect(e.message).toContain(`more than ${MAX_MARKS} emphasis marks and brackets (* _ ~ [ ]) in the letter`)
  })

  test('brackets nested past MAX_NESTING fail (nested images are quadratic to parse)', () => {
    const e = scan(`${head}${'!['.repeat(MAX_NESTING + 1)}a${'](u)'.repeat(MAX_NESTING + 1)}\n`)
    expect(e.message).toContain(`brackets ([ ]) are nested more than ${MAX_NESTING} deep here`)
    expect(() => checkSource(`${head}${'[a](u) '.repeat(200)}\n`, 'x.md')).not.toThrow()
  })

  test('escaped marks, code blocks and thematic breaks do not count', () => {
    expect(() => checkSource(`${head}${'\\*'.repeat(10_000)}\n`, 'x.md')).not.toThrow()
    expect(() => checkSource(`${head}\`\`\`c\n${'int **p = *q;\n'.repeat(1_000)}\`\`\`\n`, 'x.md')).not.toThrow()
    expect(() => checkSource(`${head}${'*'.repeat(10_000)}\n`, 'x.md')).not.toThrow()
  })
})

describe('UTF-8', () => {
  const bad = (bytes: number[], before = 'Dear Sam,\n\nx') =>
    errorOf(() => decodeLetter(Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from('\n\nBest,\nKim\n')]), 'x.md'))

  test('surrogates, overlong forms and code points above U+10FFFF are refused with byte offset and line', () => {
    for (const bytes of [[0xed, 0xa0, 0x80], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xff], [0x80]]) {
      const e = bad(bytes)
      expect(e.message).toBe(`not UTF-8 text: invalid byte 0x${bytes[0]!.toString(16)} at byte offset 12`)
      expect([e.line, e.column, e.file]).toEqual([3, 2, 'x.md'])
    }
  })

  test('the offset is that of the sequence the bad byte breaks off; lines count CRLF and lone CR', () => {
    expect(bad([0xe9, 0x0a], 'é\r\n\rab').message).toContain('invalid byte 0xe9 at byte offset 7')
    expect([bad([0xe9], 'é\r\n\rab').line, bad([0xe9], 'é\r\n\rab').column]).toEqual([3, 3])
    expect(bad([0xc3, 0xa9, 0xff], '').message).toContain('invalid byte 0xff at byte offset 2')
    const cut = errorOf(() => decodeLetter(Buffer.from([0x61, 0xe2, 0x82]), 'x.md'))
    expect(cut.message).toBe('not UTF-8 text: invalid byte 0xe2 at byte offset 1')
  })

  test('a NUL byte is binary data; valid text decodes without its byte order mark', () => {
    const e = errorOf(() => decodeLetter(Buffer.from('ab\ncd\0'), 'x.md'))
    expect([e.message, e.line]).toEqual(['not a text file: binary data (a NUL byte) at byte offset 5', 2])
    expect(decodeLetter(Buffer.from('\ufeffDear Zoë, 👋'), 'x.md')).toBe('Dear Zoë, 👋')
  })
})
