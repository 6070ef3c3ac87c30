// shownPath: how every path is shown to the user (outputs, the files of problems, attachments, font files).
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { shownPath } from '../../src/util/paths.js'

const cwd = '/home/kim/project'

describe('shownPath', () => {
  test('inside the working folder: relative to it', () => {
    expect(shownPath(join(cwd, 'output/a.pdf'), cwd)).toBe('output/a.pdf')
    expect(shownPath(join(cwd, 'letterpress.config.yaml'), cwd)).toBe('letterpress.config.yaml')
  })

  test('outside it: the absolute path, never one climbing out with ../', () => {
    expect(shownPath('/home/kim/other/theme.yaml', cwd)).toBe('/home/kim/other/theme.yaml')
    expect(shownPath('/home/kim/project-2/a.md', cwd)).toBe('/home/kim/project-2/a.md')
  })

  test('the working folder itself: its absolute path, never an empty name', () => {
    expect(shownPath(cwd, cwd)).toBe(cwd)
    expect(shownPath(`${cwd}/`, cwd)).toBe(`${cwd}/`)
  })

  test('a relative path is shown as given', () => {
    expect(shownPath('sig.png', cwd)).toBe('sig.png')
    expect(shownPath('../sig.png', cwd)).toBe('../sig.png')
  })
})
