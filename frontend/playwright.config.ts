import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { findChromium } from './e2e/support/chromium';
import { baseURL, serverEnvironment } from './e2e/support/env';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const python = fileURLToPath(new URL('../.venv/bin/python', import.meta.url));
if (!existsSync(python)) {
  throw new Error(`${python} is missing: run \`make install\` at the repository root first.`);
}

/**
 * Browser tests against the real API on a throwaway database (`tests/e2e/server.py`), which
 * serves the *built* console: run `npm run build` first (`make e2e` does).
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: './test-results',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  // One server and one database for all specs: run them one at a time, in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    locale: 'es-ES',
    timezoneId: 'Europe/Madrid',
    viewport: { width: 1280, height: 800 },
    // Specs save their own screenshots (e2e/screenshots/); Playwright adds one on failure.
    screenshot: 'only-on-failure',
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `"${python}" -m tests.e2e.server`,
    cwd: repoRoot,
    url: `${baseURL}/readyz`,
    env: serverEnvironment(),
    timeout: 180_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
