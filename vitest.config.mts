import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/contract/**/*.test.ts'],
    // better-sqlite3 is a native addon: separate processes keep each file's connections apart.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    reporters: ['default'],
  },
});
