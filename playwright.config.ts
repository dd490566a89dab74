import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (Playwright's own browser download is not
// reachable here) against the built shop, started by `npm start` on its own embedded
// database in .data/e2e with the demo catalog.
const PORT = 3100;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      },
    },
  ],
  webServer: {
    command: 'npx tsx scripts/start.ts',
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 15_000 },
    env: {
      PORT: String(PORT),
      LIBRAIRIE_DATA_DIR: '.data/e2e',
      EMBEDDED_DB_PORT: '54339',
      STRIPE_EMULATOR_PORT: '12112',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
