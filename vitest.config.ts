// Vitest projects: fast pure unit tests, and integration tests against real servers and files.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'blocks/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'builder/**/*.test.{ts,tsx}', 'runtime/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file starts its own server on an ephemeral port with its own data dir.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
