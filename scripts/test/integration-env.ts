// Vitest setup of every integration test file: the environment the app reads (lib/env.ts),
// pointing at the test database. No Stripe call leaves the machine (the emulator URL is closed).
import { inject } from 'vitest';

Object.assign(process.env, {
  DATABASE_URL: inject('databaseUrl'),
  SITE_URL: 'http://localhost:3000',
  COOKIE_SECRET: 'integration-tests-cookie-secret-0123456789',
  STRIPE_WEBHOOK_SECRET: 'whsec_integration_tests_secret',
  STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
});
