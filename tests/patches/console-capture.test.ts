// What a library writes to the console during a call is collected as lines, and the console is restored after.
import { describe, expect, test } from 'vitest'
import { captureConsole } from '../../src/patches/console-capture.js'
import { cannot } from './cannot.js'

describe('console capture', () => {
  test('the captured methods collect their lines (arguments joined by a space); the others print as before', async () => {
    const { warn, error, log } = console
    const { result, lines } = await captureConsole(['warn', 'error'], async () => {
      console.warn('Node of type', 'VIEW', 3)
      console.error(new Error('broken'))
      expect(console.log).toBe(log)
      return 42
    })
    expect(result).toBe(42)
    expect(lines).toEqual(['Node of type VIEW 3', 'Error: broken'])
    expect([console.warn, console.error, console.log]).toEqual([warn, error, log])
  })

  test('the console is restored when the call throws, and captures nest', async () => {
    const { warn, log } = console
    let inner: string[] = []
    const outer = await captureConsole(['warn'], async () => {
      inner = (
        await captureConsole(['log', 'warn'], () => {
          console.log('pdf-lib note')
          console.warn('pdf-lib warning')
        })
      ).lines
      console.warn('react-pdf warning')
      await expect(captureConsole(['warn'], () => Promise.reject(new Error('failed')))).rejects.toThrow('failed')
      console.warn('after the failure')
    })
    expect(inner).toEqual(['pdf-lib note', 'pdf-lib warning'])
    expect(outer.lines).toEqual(['react-pdf warning', 'after the failure'])
    expect([console.warn, console.log]).toEqual([warn, log])
  })

  test('a console method that is not a function is refused, and nothing is replaced', async () => {
    const { debug, warn } = console
    console.debug = undefined as never
    try {
      await expect(captureConsole(['warn', 'debug'], () => 1)).rejects.toThrow(cannot('node', 'console.debug is not a function'))
      expect(console.warn).toBe(warn)
    } finally {
      console.debug = debug
    }
  })
})
