// renderOptions: what one letter of a run renders with.
import { describe, expect, test } from 'vitest'
import { parseCli } from '../../src/cli/args.js'
import { renderOptions, type RunSetup } from '../../src/cli/render-options.js'

const setup = (argv: string[], project: Partial<RunSetup['project']> = {}): RunSetup => ({
  cwd: '/p',
  options: parseCli(argv),
  allowPaths: ['/shared/images'],
  sourceDateEpoch: 1700000000,
  project: { file: null, raw: {}, warnings: [], place: () => ({ line: null, column: null }), ...project },
  outDir: '/p/output',
})

describe('renderOptions', () => {
  test("the letter's folder, the command line's choices, --attach from the cwd, fonts/ of the cwd", () => {
    const options = renderOptions(setup(['--paper', 'letter', '--max-pages', '1', '--fit', '--attach', 'cv.pdf', '--no-pdfa']), {
      path: 'letters/a.md',
      sub: '',
    })
    expect(options).toEqual({
      path: 'letters/a.md',
      values: undefined,
      row: undefined,
      baseDir: '/p/letters',
      config: {},
      theme: undefined,
      paper: 'Letter',
      maxPages: 1,
      fit: true,
      pdfa: false,
      attach: ['/p/cv.pdf'],
      sourceDateEpoch: 1700000000,
      fontDirs: ['/p/fonts'],
      cwd: '/p',
      allowPaths: ['/shared/images'],
    })
  })

  test("a data row's values and label; the project config's folder is allowed before --allow-path folders", () => {
    const options = renderOptions(setup([], { file: '/p/letterpress.config.yaml', raw: { subject: 'Hi' } }), {
      path: 'a.md',
      sub: '',
      row: { values: { company: 'Acme' }, index: 3 },
    })
    expect(options).toMatchObject({
      values: { company: 'Acme' },
      row: 'row 3',
      config: { subject: 'Hi' },
      baseDir: '/p',
      allowPaths: ['/p', '/shared/images'],
    })
  })
})
