import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadConfig } from '../../src/parse/config.js'

let dir: string
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'letterpress-config-'))))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The signature and attachments of a config with these lines, as loadConfig anchors them. */
function anchoredPaths(yaml: string) {
  writeFileSync(join(dir, 'letterpress.config.yaml'), yaml)
  const { raw } = loadConfig(dir)
  return { signature: raw.signature, attach: raw.attach }
}

describe('config paths are relative to the config folder; URLs stay as written', () => {
  test('relative paths are anchored, absolute ones kept', () => {
    const abs = resolve(dir, 'elsewhere', 'cv.pdf')
    expect(anchoredPaths(`signature: sig.png\nattach: [cv.pdf, ${JSON.stringify(abs)}]\n`)).toEqual({
      signature: join(dir, 'sig.png'),
      attach: [join(dir, 'cv.pdf'), abs],
    })
  })

  test('a path with a scheme is a URL and is left for the reader to refuse', () => {
    expect(anchoredPaths('signature: https://example.com/sig.png\nattach: [mailto:x, "file:///etc/passwd"]\n')).toEqual({
      signature: 'https://example.com/sig.png',
      attach: ['mailto:x', 'file:///etc/passwd'],
    })
  })

  test('a Windows drive path is a path, like every other: absolute on Windows, relative to the config elsewhere', () => {
    const drive = 'C:/letters/sig.png'
    expect(anchoredPaths(`signature: ${drive}\n`).signature).toBe(isAbsolute(drive) ? drive : resolve(dir, drive))
  })
})
