// The one rule for what --watch and preview pass over.
import { describe, expect, test } from 'vitest'
import { isIgnored } from '../../src/cli/watch-files.js'

const out = '/p/output'

describe('isIgnored', () => {
  test('the output folder, installed packages and version control', () => {
    expect(isIgnored('/p/output', out)).toBe(true)
    expect(isIgnored('/p/output/a.pdf', out)).toBe(true)
    expect(isIgnored('/p/output/.a.pdf.123.abcd.tmp', out)).toBe(true)
    expect(isIgnored('/p/letters/node_modules/x/a.md', out)).toBe(true)
    expect(isIgnored('/p/.git/index', out)).toBe(true)
  })

  test("editors' temporary files beside a letter", () => {
    for (const name of [
      '.a.md.swp',
      '.a.md.swo',
      '.a.md.swx',
      '4913',
      'a.md~',
      '.#a.md',
      '#a.md#',
      'a.md___jb_tmp___',
      'a.md___jb_old___',
      '.DS_Store',
      '.a.md.tmp',
    ]) {
      expect(isIgnored(`/p/letters/${name}`, out), name).toBe(true)
    }
  })

  test('letters, images, config and folders named like them are watched, also under a hidden folder', () => {
    for (const path of [
      '/p/letters/a.md',
      '/p/letters/chart.png',
      '/p/letterpress.config.yaml',
      '/p/letters/output/a.md',
      '/p/outputs/a.md',
      '/home/kim/.work/p/letters/a.md',
      '/p/letters/2024.png',
      '/p/letters/tmp.md',
    ]) {
      expect(isIgnored(path, out), path).toBe(false)
    }
  })
})
