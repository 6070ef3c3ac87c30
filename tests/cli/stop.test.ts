// listenForStop: Ctrl-C / SIGTERM as a stop a run can ask about and wait for.
import { describe, expect, test } from 'vitest'
import { listenForStop } from '../../src/cli/stop.js'

describe('listenForStop', () => {
  test('a signal is remembered and settles `stopping`; release stops listening', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]
    const stop = listenForStop()
    expect(stop.signal).toBeNull()
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([before[0]! + 1, before[1]! + 1])
    process.emit('SIGTERM', 'SIGTERM')
    await stop.stopping
    expect(stop.signal).toBe('SIGTERM')
    stop.release()
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before)
  })

  test('each listens on its own: releasing one leaves the other', () => {
    const first = listenForStop()
    const second = listenForStop()
    first.release()
    process.emit('SIGINT', 'SIGINT')
    expect(first.signal).toBeNull()
    expect(second.signal).toBe('SIGINT')
    second.release()
  })
})
