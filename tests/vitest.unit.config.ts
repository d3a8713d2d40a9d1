import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit, DOM and integration tests: fast, no browser. Files that need a DOM say so with
// `// @vitest-environment happy-dom` at their top.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts', 'tests/integration/**/*.test.tsx'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 20_000,
  },
});
