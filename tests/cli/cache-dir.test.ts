// The one folder letterpress keeps its caches in: chosen by the environment, then the project, then the user's cache folder.
import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { cacheDir } from '../../src/cli/cache-dir.js'
import { project } from '../helpers/cli.js'

describe('cacheDir', () => {
  test('a project with node_modules keeps it in node_modules/.cache/letterpress', () => {
    const dir = project()
    mkdirSync(join(dir, 'node_modules'))
    expect(cacheDir(dir, { XDG_CACHE_HOME: '/var/cache' })).toBe(join(dir, 'node_modules/.cache/letterpress'))
  })

  test('without node_modules: $XDG_CACHE_HOME/letterpress, else ~/.cache/letterpress (a relative XDG_CACHE_HOME is ignored, as the spec says)', () => {
    const dir = project()
    expect(cacheDir(dir, { XDG_CACHE_HOME: '/var/cache' })).toBe('/var/cache/letterpress')
    expect(cacheDir(dir, {})).toBe(join(homedir(), '.cache/letterpress'))
    expect(cacheDir(dir, { XDG_CACHE_HOME: 'cache' })).toBe(join(homedir(), '.cache/letterpress'))
  })

  test('LETTERPRESS_CACHE_DIR overrides both, relative to the working folder', () => {
    const dir = project()
    mkdirSync(join(dir, 'node_modules'))
    expect(cacheDir(dir, { LETTERPRESS_CACHE_DIR: '/tmp/lp-cache' })).toBe('/tmp/lp-cache')
    expect(cacheDir(dir, { LETTERPRESS_CACHE_DIR: 'cache' })).toBe(join(dir, 'cache'))
  })
})
