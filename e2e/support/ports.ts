// The ports of the end-to-end run: the app, its embedded PostgreSQL and the Stripe emulator.
// E2E_PORT_OFFSET (default 0) shifts all three, so two checkouts can run their suites at once.
// All stay below Linux's ephemeral range (32768–60999), where a port can be held by the local end
// of any outgoing connection (scripts/lib/embedded-postgres.ts, embeddedDbPortSetting).
const offset = Number(process.env.E2E_PORT_OFFSET ?? '0');
if (!Number.isInteger(offset) || offset < 0 || offset > 1000) {
  throw new Error('E2E_PORT_OFFSET doit être un entier entre 0 et 1000.');
}

export const E2E_PORTS = {
  app: 3100 + offset,
  /** A second instance of the app on the same database (e2e/rush.spec.ts). */
  secondApp: 3101 + offset,
  /** The worker's metrics (WORKER_METRICS_PORT) of the shop playwright.config.ts starts. */
  workerMetrics: 3102 + offset,
  database: 24339 + offset,
  emulator: 12112 + offset,
  /** `npm run start:cached` for e2e/front-cache.spec.ts: Varnish, its purge socket and the app on the next two ports. */
  cachedFront: 3105 + offset,
  cachedDatabase: 24344 + offset,
  cachedEmulator: 12117 + offset,
} as const;

export const E2E_BASE_URL = `http://localhost:${E2E_PORTS.app}`;
