import { describe, expect, test } from 'vitest'
import { quietly } from '../../src/attach/quietly.js'

describe('quietly', () => {
  test('console.log and console.warn go into the notes while the work runs, and are themselves again after', async () => {
    const { log, warn } = console
    const notes: string[] = []
    expect(await quietly(notes, async () => (console.log('skipped', 3, 'objects'), console.warn('odd trailer'), 42))).toBe(42)
    expect(notes).toEqual(['skipped 3 objects', 'odd trailer'])
    expect([console.log, console.warn]).toEqual([log, warn])
  })

  test('they are restored when the work throws', async () => {
    const { log, warn } = console
    await expect(quietly([], () => Promise.reject(new Error('damaged')))).rejects.toThrow('damaged')
    expect([console.log, console.warn]).toEqual([log, warn])
  })
})
