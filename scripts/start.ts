// `npm start`: the whole shop on one command.
// - No DATABASE_URL: starts a real PostgreSQL in .data/postgres (kept between runs), applies
//   the migrations and loads the demo catalog into an empty database.
// - DATABASE_URL set: uses it, applies the migrations, never loads demo data unless
//   SEED_DEMO_CATALOG=1 is given.
// - No STRIPE_SECRET_KEY: starts the local Stripe emulator (scripts/stripe-emulator) on
//   STRIPE_EMULATOR_PORT and generates the demo's secrets in the data folder. With a key, the
//   shop talks to Stripe and COOKIE_SECRET and STRIPE_WEBHOOK_SECRET must be given.
// Builds the app when its sources changed, then serves it on PORT (3000). Ctrl-C stops
// the app, then the emulator and the database (fast shutdown: nothing half-written).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { ensureDemoAdmin } from './lib/demo-admin';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './lib/embedded-postgres';
import { loadOrCreateLocalSecrets } from './lib/local-secrets';
import { buildIfStale, generatePrismaClientIfStale, ROOT } from './lib/project';
import { startStripeEmulator, type StripeEmulator } from './stripe-emulator/server';
import { runPrisma } from './prisma';

const StartEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgresql://')
    .optional(),
  SITE_URL: z.url().optional(),
  SEED_DEMO_CATALOG: z.enum(['0', '1']).default('0'),
  LIBRAIRIE_DATA_DIR: z.string().default('.data'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
});

async function main() {
  const parsed = StartEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const env = parsed.data;
  const started = Date.now();
  let embedded: EmbeddedDatabase | undefined;
  let emulator: StripeEmulator | undefined;
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await appExited;
    }
    if (emulator) await emulator.stop();
    if (embedded) {
      console.log('Arrêt de PostgreSQL…');
      await embedded.stop();
    }
    process.exit(code);
  };
  let app: ReturnType<typeof spawn> | undefined;
  let appExited: Promise<void> = Promise.resolve();
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR, 'postgres');
      embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_DB_PORT, database: 'librairie' });
      databaseUrl = embedded.url;
      console.log(`PostgreSQL intégré démarré (${dataDir}, port ${env.EMBEDDED_DB_PORT}).`);
    }
    await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });

    if (embedded || env.SEED_DEMO_CATALOG === '1') {
      // The Prisma client is generated code (git-ignored): generate it before loading it.
      await generatePrismaClientIfStale();
      const { createPrismaClient } = await import('../lib/prisma-client');
      const { seedDemoCatalog } = await import('../prisma/seed');
      const db = createPrismaClient(databaseUrl);
      try {
        if ((await db.book.count()) === 0) {
          const count = await seedDemoCatalog(db);
          console.log(`Catalogue de démonstration chargé : ${count} livres.`);
        }
        if (embedded) await ensureDemoAdmin(db, path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR));
      } finally {
        await db.$disconnect();
      }
    }

    await buildIfStale();
    if (shuttingDown) return;

    const siteUrl = env.SITE_URL ?? `http://localhost:${env.PORT}`;
    const appEnv: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      SITE_URL: siteUrl,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    if (!env.STRIPE_SECRET_KEY) {
      const secrets = loadOrCreateLocalSecrets(path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR));
      appEnv.COOKIE_SECRET = process.env.COOKIE_SECRET ?? secrets.cookieSecret;
      appEnv.STRIPE_WEBHOOK_SECRET = secrets.webhookSecret;
      emulator = await startStripeEmulator({
        port: env.STRIPE_EMULATOR_PORT,
        webhookUrl: `http://127.0.0.1:${env.PORT}/api/stripe/webhook`,
        webhookSecret: secrets.webhookSecret,
        publicBaseUrl: `http://localhost:${env.STRIPE_EMULATOR_PORT}`,
        log: (message) => console.log(`[stripe-emulator] ${message}`),
      });
      appEnv.STRIPE_EMULATOR_URL = `http://127.0.0.1:${env.STRIPE_EMULATOR_PORT}`;
      console.log(
        `Émulateur Stripe local sur http://localhost:${env.STRIPE_EMULATOR_PORT} (aucune clé Stripe fournie).`,
      );
    }
    app = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(env.PORT)],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, ...appEnv },
      },
    );
    appExited = new Promise((resolve) => app?.once('exit', () => resolve()));
    app.once('exit', (code) => void shutdown(code ?? 0));
    console.log(`La librairie est ouverte sur ${siteUrl} (prête en ${((Date.now() - started) / 1000).toFixed(1)} s).`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

void main();
