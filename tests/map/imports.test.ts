// The flow is one way: the mapper and the letter layout make elements, src/draw draws them; neither
// side imports the other (structure roles and URL rules live below both).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

const SRC = join(import.meta.dirname, '../../src')

/** The modules a folder's source files import, as `file: specifier`. */
function imports(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .flatMap((entry) => {
      const file = join(entry.parentPath, entry.name)
      return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*['"]([^'"]+)['"]/gm)].map(
        (m) => `${file.slice(SRC.length + 1)}: ${m[1]}`,
      )
    })
}

describe('map and draw do not depend on each other', () => {
  test('src/map and src/layout import nothing from src/draw, src/attach or src/write', () => {
    const found = [...imports('map'), ...imports('layout')]
    expect(found.some((line) => line.includes('structure/role.js'))).toBe(true)
    expect(found.filter((line) => /\/(draw|attach|write|cli)\//.test(line))).toEqual([])
  })

  test('src/draw and src/attach import nothing from src/map or src/layout', () => {
    const found = [...imports('draw'), ...imports('attach')]
    expect(found.some((line) => line.includes('util/url.js'))).toBe(true)
    expect(found.filter((line) => /\/(map|layout)\//.test(line))).toEqual([])
  })
})
