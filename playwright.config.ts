// e2e tests in Debian's Chromium against a real server on a free port with a throwaway data dir.
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Chosen once in the main process; workers inherit the environment.
process.env.E2E_PORT ??= String(41000 + Math.floor(Math.random() * 2000));
// The in-process SMTP server of tests/e2e/portal-invite.spec.ts listens here.
process.env.E2E_SMTP_PORT ??= String(44000 + Math.floor(Math.random() * 2000));
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'portico-e2e-'));
export const E2E_ADMIN = { email: 'owner@portico.test', password: 'e2e-owner-password' };
/** The demo users' password (DESIGN.md section 6: DEMO_PASSWORD), for the demo journeys. */
export const E2E_DEMO_PASSWORD = 'e2e-demo-password';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/e2e-results',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  use: {
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${process.env.E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      PORT: process.env.E2E_PORT,
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      SEED: 'demo',
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      LOG_LEVEL: 'silent',
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
    },
  },
});
