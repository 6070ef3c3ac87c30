// How many letters render at once by default: a worker per core but one, which the main thread keeps for
// reading, writing and reporting (on 2 cores one worker renders a batch as fast as two, in less memory).
import { availableParallelism } from 'node:os'
import { describe, expect, test } from 'vitest'
import { defaultJobs } from '../../src/cli/pool.js'
import { HELP } from '../../src/cli/args.js'

describe('the default --jobs', () => {
  test('leaves one core to the main thread, and is never below one', () => {
    expect(defaultJobs()).toBe(Math.max(1, availableParallelism() - 1))
    expect(defaultJobs()).toBeGreaterThanOrEqual(1)
  })

  test('the help says so', () => {
    expect(HELP).toMatch(/--jobs N .*\(default: one fewer than the cores\)/)
  })
})
