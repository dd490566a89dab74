// `tsx scripts/stripe-emulator/main.ts`: runs the Stripe emulator on its own (Ctrl-C stops it).
// Env: STRIPE_EMULATOR_PORT (default 12111), STRIPE_WEBHOOK_URL (optional: events are then only
// recorded), STRIPE_WEBHOOK_SECRET (required: the app verifies signatures with the same value),
// STRIPE_EMULATOR_PUBLIC_URL (optional base of the payment page links).
import { z } from 'zod';
import { startStripeEmulator } from './server';
import { listProblems } from '../../lib/validation/zod-errors';

const EmulatorEnvSchema = z.object({
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
  STRIPE_WEBHOOK_URL: z.url().optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string({
      error: 'STRIPE_WEBHOOK_SECRET est requis : le secret whsec_… que l’app utilise pour vérifier les webhooks',
    })
    .startsWith('whsec_', 'STRIPE_WEBHOOK_SECRET doit commencer par whsec_'),
  STRIPE_EMULATOR_PUBLIC_URL: z.url().optional(),
});

async function main() {
  const parsed = EmulatorEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(listProblems(parsed.error));
  }
  const env = parsed.data;
  const emulator = await startStripeEmulator({
    port: env.STRIPE_EMULATOR_PORT,
    webhookUrl: env.STRIPE_WEBHOOK_URL ?? null,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    publicBaseUrl: env.STRIPE_EMULATOR_PUBLIC_URL,
    log: (message) => console.log(`[stripe-emulator] ${message}`),
  });
  console.log(`Émulateur Stripe prêt sur ${emulator.url}`);
  const stop = () => {
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
