import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Rendering PDFs and spawning the CLI take longer than vitest's 5 s default on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
