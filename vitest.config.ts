// Vitest projects: fast pure unit tests, and integration tests against real servers and files.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['core/**/*.test.ts', 'blocks/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'builder/**/*.test.{ts,tsx}', 'runtime/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file starts its own server on an ephemeral port with its own data dir.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        // The same integration suite against Postgres, the scale-out store (a database per server).
        test: {
          name: 'integration-pg',
          sequence: { groupOrder: 2 },
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          // SIGKILL durability is a property of the SQLite file; Postgres guarantees its own.
          exclude: ['tests/integration/crash-safety.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          env: { PORTICO_TEST_PG: process.env.PORTICO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
        },
      },
    ],
  },
});
