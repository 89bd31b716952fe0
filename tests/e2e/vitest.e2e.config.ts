import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium and Firefox. One browser at a
// time, tests in order, generous timeouts (cold browser start, first NLP load).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false, shuffle: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
