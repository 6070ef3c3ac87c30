// The user's fonts/ folder: a file that cannot be used is a warning naming it and saying why.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { scanFonts } from '../../src/fonts/index.js'

describe('scanFonts', () => {
  test('a WOFF2 web font saved under a .ttf name is named as such, not as an unreadable font', () => {
    const dir = mkdtempSync(join(tmpdir(), 'letterpress-fonts-'))
    // A WOFF2 header: signature, flavor, length … (the rest does not matter: the signature decides).
    writeFileSync(join(dir, 'Web.ttf'), Buffer.concat([Buffer.from('wOF2\0\x01\0\0', 'latin1'), Buffer.alloc(64)]))
    const warnings = scanFonts(dir, dir)
    expect(warnings.map((w) => w.message)).toEqual(['font file "Web.ttf" is a WOFF2 web font; use its TTF or OTF file; it is not used'])
  })
})
