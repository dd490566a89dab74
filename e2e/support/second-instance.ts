import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startAppInstance, type AppInstance } from '../../scripts/test/app-instance';
import { E2E_BASE_URL, E2E_PORTS } from './ports';
import { E2E_DATABASE_URL, EMULATOR_URL } from './shop';

/**
 * A second instance of the built shop on the e2e database, with the first one's secrets (as two
 * instances behind a load balancer): `env` adds or overrides settings (real Stripe keys…).
 */
export function startSecondInstance(env: Record<string, string> = {}): Promise<AppInstance> {
  const secrets = JSON.parse(readFileSync(path.join('.data/e2e/local-secrets.json'), 'utf8')) as {
    cookieSecret: string;
    webhookSecret: string;
  };
  return startAppInstance(E2E_PORTS.secondApp, {
    DATABASE_URL: E2E_DATABASE_URL,
    SITE_URL: E2E_BASE_URL,
    COOKIE_SECRET: secrets.cookieSecret,
    STRIPE_WEBHOOK_SECRET: secrets.webhookSecret,
    STRIPE_EMULATOR_URL: EMULATOR_URL,
    TRUSTED_PROXY_COUNT: '1',
    ...env,
  });
}
