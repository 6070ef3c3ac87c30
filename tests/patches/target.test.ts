// One check for every patch's target, and one error naming the dependency, its installed version and the one
// letterpress is made for.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { cannotPatch, installedVersion, madeForVersion, ownerOf, PatchTargetError, targetMethod } from '../../src/patches/target.js'

const { dependencies } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>
}

describe('patch targets', () => {
  test("versions are read from the installed packages (also those that export no package.json) and from letterpress's pins", () => {
    for (const dependency of ['pdfkit', 'fontkit', '@react-pdf/font', 'pdfjs-dist']) {
      expect(installedVersion(dependency)).toBe(dependencies[dependency])
      expect(madeForVersion(dependency)).toBe(dependencies[dependency])
    }
    expect(installedVersion('node')).toBe(process.versions.node)
    expect(madeForVersion('node')).toMatch(/^>=\d+/)
    expect(installedVersion('no-such-package-here')).toBe('unknown')
    expect(madeForVersion('no-such-package-here')).toBe('unknown')
  })

  test('the error names the dependency, both versions and the problem', () => {
    expect(() => cannotPatch('pdfkit', 'PDFDocument.prototype._addInfo is missing')).toThrow(
      new PatchTargetError(
        'letterpress: cannot patch pdfkit 0.20.1: PDFDocument.prototype._addInfo is missing; this letterpress is made for pdfkit 0.20.1',
      ),
    )
  })

  test('a method is checked for presence, type, parameters and markers in its source', () => {
    const owner = {
      draw(a: number, b: number) {
        return this.paint(a + b)
      },
      paint: (n: number) => n,
      size: 3,
    }
    expect(targetMethod('pdfkit', owner, 'Doc', 'draw', { length: 2, contains: ['this.paint(', /a \+ b/] })).toBe(owner.draw)
    expect(() => targetMethod('pdfkit', null, 'Doc', 'draw')).toThrow(': Doc.draw is missing;')
    expect(() => targetMethod('pdfkit', owner, 'Doc', 'size')).toThrow(': Doc.size is not a function;')
    expect(() => targetMethod('pdfkit', owner, 'Doc', 'draw', { length: 3 })).toThrow(': Doc.draw declares 2 parameters, not 3;')
    expect(() => targetMethod('pdfkit', owner, 'Doc', 'draw', { contains: ['this.fill('] })).toThrow(
      ': Doc.draw is not the one this patch was written for (its source lacks "this.fill(");',
    )
  })

  test('the owner of a method is found up the prototype chain', () => {
    class Base {
      layout() {}
    }
    class Face extends Base {}
    expect(ownerOf(new Face(), 'layout')).toBe(Base.prototype)
    expect(ownerOf(new Face(), 'missing')).toBeUndefined()
    expect(ownerOf(undefined, 'layout')).toBeUndefined()
  })
})
