import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The emulator's own tests sit beside it.
    include: ['test/**/*.test.ts', 'emulator/test/**/*.test.ts'],
    // Generous: two files run at a time on two cores, and a test that passes never waits it out.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two files at a time even on two cores (vitest's default there is one): the browser tests
    // spend most of their time waiting on Chromium, a process of its own, while the next file runs.
    maxWorkers: 2,
  },
});
