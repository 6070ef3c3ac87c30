// A render worker has no fetch: nothing in it may touch the network.
import { Worker } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
import { describe, expect, test } from 'vitest'
import { removeFetch } from '../../src/patches/no-fetch.js'
import { cannot } from './cannot.js'

describe('no fetch', () => {
  test('fetch is gone from the globals once removed', () => {
    const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch')!
    expect(typeof globalThis.fetch).toBe('function')
    try {
      removeFetch()
      expect(typeof globalThis.fetch).toBe('undefined')
      expect('fetch' in globalThis).toBe(false)
    } finally {
      Object.defineProperty(globalThis, 'fetch', fetch)
    }
  })

  test('a worker that removes it (as the built render worker does) has none, and the parent keeps its own', async () => {
    const built = pathToFileURL(`${process.cwd()}/dist/patches/no-fetch.js`).href
    const worker = new Worker(
      `import(${JSON.stringify(built)}).then(({ removeFetch }) => { removeFetch(); require('node:worker_threads').parentPort.postMessage(typeof fetch) })`,
      { eval: true },
    )
    const seen = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))
    await worker.terminate()
    expect(seen).toBe('undefined')
    expect(typeof globalThis.fetch).toBe('function')
  })

  test('a fetch that cannot be deleted is refused', () => {
    const frozen = Object.defineProperty({}, 'fetch', { value: () => undefined, configurable: false })
    expect(() => removeFetch(frozen)).toThrow(cannot('node', 'globalThis.fetch cannot be deleted'))
    const inherited = Object.create({ fetch: () => undefined }) as object
    expect(() => removeFetch(inherited)).toThrow(cannot('node', 'globalThis.fetch is still there once deleted'))
    const none = {}
    removeFetch(none)
    expect('fetch' in none).toBe(false)
  })
})
