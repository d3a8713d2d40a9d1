import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in headless Chromium. One file at a time, since each
// starts a browser and the machines have two cores.
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
