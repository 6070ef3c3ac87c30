// The README is the first thing a user reads: its commands and its command-line block must be the real ones.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from 'vitest'
import { letterpress, project } from '../helpers/cli.js'

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')

test('the README starts with the commands that render every letter and run the tests', () => {
  const first = README.split('```')[1]!
  expect(first).toContain('npm ci && npm run pdf')
  expect(first).toContain('npm test')
})

test("the README's command-line block is what letterpress --help prints, with every option", () => {
  const section = README.slice(README.indexOf('## Command line'))
  const block = section.split('```')[1]!.replace(/^\n/, '')
  const help = letterpress(project(), ['--help'])
  expect(help.code).toBe(0)
  expect(block.trimEnd()).toBe(help.stdout.trimEnd())
  for (const option of ['--watch', '--check', '--allow-path', '--timeout', '--data', '--jobs', '--shard']) expect(block).toContain(option)
  expect(section.slice(0, section.indexOf('```'))).toContain('npm run pdf --')
})
