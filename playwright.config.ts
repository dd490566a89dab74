import { defineConfig, devices } from '@playwright/test';
import { E2E_METRICS_TOKEN } from './e2e/support/metrics';
import { E2E_BASE_URL, E2E_PORTS } from './e2e/support/ports';
import { systemPackage } from './scripts/lib/system-packages';

// End-to-end tests drive Debian's Chromium (Playwright's own browser download is not
// reachable here) against the built shop, started by `npm start` on its own embedded
// database in .data/e2e with the demo catalog.

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? systemPackage('chromium').file },
      },
      // Once every spec has run: the invariant check over what they left (e2e/invariants.teardown.ts).
      teardown: 'invariants',
    },
    {
      name: 'invariants',
      testMatch: /invariants\.teardown\.ts$/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? systemPackage('chromium').file },
      },
    },
  ],
  webServer: {
    command: 'npx tsx scripts/start.ts',
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 15_000 },
    env: {
      PORT: String(E2E_PORTS.app),
      LIBRAIRIE_DATA_DIR: '.data/e2e',
      EMBEDDED_DB_PORT: String(E2E_PORTS.database),
      STRIPE_EMULATOR_PORT: String(E2E_PORTS.emulator),
      NEXT_TELEMETRY_DISABLED: '1',
      // As behind a load balancer: the rush test gives each reader an address of its own.
      TRUSTED_PROXY_COUNT: '1',
      // The metrics of the app and of the worker, read by e2e/metrics.spec.ts.
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      WORKER_METRICS_PORT: String(E2E_PORTS.workerMetrics),
      // The app and the worker stop within Playwright's own bound (gracefulShutdown above).
      SHUTDOWN_TIMEOUT_SECONDS: '10',
    },
  },
});
