import { describe, expect, test } from 'vitest'
import { expandTabs } from '../../src/map/expand-tabs.js'

describe('expandTabs', () => {
  test('a tab reaches the next stop of 4, counted from the line start', () => {
    expect(expandTabs('\treturn x')).toBe('    return x')
    expect(expandTabs('ab\tc')).toBe('ab  c')
    expect(expandTabs('abcd\te')).toBe('abcd    e')
    expect(expandTabs('\t\tx')).toBe('        x')
  })

  test('each line counts its own columns; text without tabs is unchanged', () => {
    expect(expandTabs('abc\n\tx')).toBe('abc\n    x')
    expect(expandTabs('  keep  spaces ')).toBe('  keep  spaces ')
  })
})
