import { defineConfig } from 'vitest/config'

/**
 * End-to-end tests: the real server (built web app, demo data on a throwaway PGlite) driven by
 * Debian's Chromium. One worker, because every spec shares that one server and browser launches
 * are heavy on a 2-core box. Run with `npm run test:e2e`.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A story of 20–40 page steps; on a loaded 2-core box one takes over a minute. Speed is
    // measured by `npm run bench`, not by these limits.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
})
