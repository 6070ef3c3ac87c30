import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'output/', 'node_modules/', 'tests/fixtures/', 'tests/fixtures-fonts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript (bench, the bundle config) runs in Node; TypeScript files are checked by tsc instead.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'Buffer', 'URL', 'performance', 'setTimeout', 'clearTimeout', 'setImmediate', 'structuredClone'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The core knows no terminal: only the command line reads the working folder or imports src/cli.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    // The command line knows its working folder; the public entry (letter.ts) defaults to the process's.
    ignores: ['src/cli/**', 'src/letter.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/*'], message: 'the core does not depend on the command line' }] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'cwd', message: 'library code takes the working folder as a parameter' },
      ],
    },
  },
  {
    // One-way flow: the mapper and the letter layout build elements; they never reach into drawing or post-processing.
    files: ['src/map/**', 'src/layout/**', 'src/parse/**', 'src/theme/**', 'src/fonts/**', 'src/util/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/*'], message: 'the core does not depend on the command line' },
            {
              group: ['**/draw/*', '**/attach/*', '**/write/*'],
              message: 'parse, map and layout come before drawing and do not import it',
            },
          ],
        },
      ],
    },
  },
  {
    // Below the mapper: parsing, themes, fonts and the shared rules know nothing of elements or pages.
    files: ['src/parse/**', 'src/theme/**', 'src/fonts/**', 'src/util/**', 'src/structure/**', 'src/patches/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/*'], message: 'the core does not depend on the command line' },
            {
              group: ['**/map/*', '**/layout/*', '**/draw/*', '**/attach/*', '**/write/*'],
              message: 'these come before mapping and layout and do not import them',
            },
          ],
        },
      ],
    },
  },
)
