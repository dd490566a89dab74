import 'server-only';
import Stripe from 'stripe';
import { getEnv } from './env';

// One Stripe client. Without STRIPE_SECRET_KEY it talks to the local emulator
// (scripts/stripe-emulator), the way Stripe's own SDK tests point it at a local server.
// The API version is the one stripe@23.1.0 pins; set explicitly so an SDK upgrade is a choice.
const API_VERSION = '2026-10-28.endive';

const globalForStripe = globalThis as typeof globalThis & { librairieStripe?: Stripe };

export function getStripe(): Stripe {
  if (globalForStripe.librairieStripe) return globalForStripe.librairieStripe;
  const env = getEnv();
  // At most ~20 s per call (10 s, one retry): a reader waits on it, and the copies held for a
  // checkout stay provisional (SHOP.provisionalHoldMinutes) until the session exists.
  const common = { apiVersion: API_VERSION, maxNetworkRetries: 1, timeout: 10_000 } as const;
  if (env.STRIPE_SECRET_KEY) {
    globalForStripe.librairieStripe = new Stripe(env.STRIPE_SECRET_KEY, common);
  } else {
    const emulator = new URL(env.STRIPE_EMULATOR_URL ?? '');
    globalForStripe.librairieStripe = new Stripe('sk_test_emulator', {
      ...common,
      host: emulator.hostname,
      port: Number(emulator.port),
      protocol: emulator.protocol === 'https:' ? 'https' : 'http',
    });
  }
  return globalForStripe.librairieStripe;
}
