// The start-up shared by `npm start` and `npm run dev`: they differ only in Next's mode
// (a production build, or development with hot reload and no build), both served by
// scripts/serve.ts; the background worker (scripts/worker.ts) runs beside the app.
// - No DATABASE_URL: starts a real PostgreSQL in .data/postgres (kept between runs), applies
//   the migrations and loads the demo catalog into an empty database.
// - DATABASE_URL set: uses it, applies the migrations, never loads demo data unless
//   SEED_DEMO_CATALOG=1 is given.
// - No STRIPE_SECRET_KEY: starts the local Stripe emulator (scripts/stripe-emulator) on
//   STRIPE_EMULATOR_PORT and generates the demo's secrets in the data folder. With a key, the
//   shop talks to Stripe and COOKIE_SECRET and STRIPE_WEBHOOK_SECRET must be given.
// The app checks its own settings when it boots (instrumentation.ts, lib/env.ts): a bad one
// stops Next, and then this process stops the emulator and the database.
// - With the front cache (`npm run start:cached`): Varnish listens on PORT for readers and on
//   FRONT_CACHE_PURGE_PORT (PORT + 1) for the app's purges, in front of the app on
//   FRONT_CACHE_APP_PORT (PORT + 2); scripts/front-cache/ and docs/decisions/014-front-cache.md.
// Ctrl-C stops the app, then the emulator and the database (fast shutdown: nothing half-written).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { listProblems } from '../../lib/validation/zod-errors';
import { ensureDemoAdmin } from './demo-admin';
import { erasureJournal, readBackupSettings, sentEmailJournal } from './backup/settings';
import { embeddedDbPortSetting, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { loadOrCreateLocalSecrets } from './local-secrets';
import { installJobQueues } from './job-queues';
import { buildIfStale, generatePrismaClientIfStale, ROOT } from './project';
import { startStripeEmulator, type StripeEmulator } from '../stripe-emulator/server';
import { startFrontCache, type FrontCache } from '../front-cache/daemons';
import { runPrisma } from '../prisma';

/** `start`: build for production if the sources changed, then `next start`. `dev`: `next dev`. */
export type NextMode = 'start' | 'dev';

const StartEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgresql://')
    .optional(),
  // Checked by the app itself (lib/env.ts), with the message every start-up shows.
  SITE_URL: z.string().optional(),
  SEED_DEMO_CATALOG: z.enum(['0', '1']).default('0'),
  LIBRAIRIE_DATA_DIR: z.string().default('.data'),
  EMBEDDED_DB_PORT: embeddedDbPortSetting,
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
  FRONT_CACHE_PURGE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  FRONT_CACHE_APP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(5).default(0),
  // Checked by the app (lib/env.ts); here only to say where the e-mails go.
  SMTP_URL: z.string().optional(),
});
type StartEnv = z.infer<typeof StartEnvSchema>;

function parseStartEnv(): StartEnv {
  const parsed = StartEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Configuration invalide :\n${listProblems(parsed.error)}`);
  }
  return parsed.data;
}

/** The demo catalog in an empty database; in demo mode (embedded database) the demo admin too. */
async function seedDemoCatalogIfEmpty(databaseUrl: string, demoAdminDataDir: string | null): Promise<void> {
  const { createPrismaClient } = await import('../../lib/database/prisma-client');
  const { seedDemoCatalog } = await import('../../prisma/seed');
  const db = createPrismaClient(databaseUrl);
  try {
    if ((await db.book.count()) === 0) {
      const count = await seedDemoCatalog(db);
      console.log(`Catalogue de démonstration chargé : ${count} livres.`);
    }
    if (demoAdminDataDir) await ensureDemoAdmin(db, demoAdminDataDir);
  } finally {
    await db.$disconnect();
  }
}

export type RunOptions = { frontCache?: boolean };

export async function runShop(mode: NextMode, options: RunOptions = {}): Promise<void> {
  const started = Date.now();
  let embedded: EmbeddedDatabase | undefined;
  let emulator: StripeEmulator | undefined;
  let app: ChildProcess | undefined;
  let appExited: Promise<void> = Promise.resolve();
  let worker: ChildProcess | undefined;
  let workerExited: Promise<void> = Promise.resolve();
  let frontCache: FrontCache | undefined;
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    for (const child of [app, worker]) {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    await Promise.all([appExited, workerExited, frontCache?.stop()]);
    if (emulator) await emulator.stop();
    if (embedded) {
      console.log('Arrêt de PostgreSQL…');
      await embedded.stop();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const env = parseStartEnv();
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR, 'postgres');
      // Every WAL segment archived beside the backups: `npm run restore` reaches any minute.
      embedded = await startEmbeddedPostgres({
        dataDir,
        port: env.EMBEDDED_DB_PORT,
        database: 'librairie',
        walArchiveDir: readBackupSettings().walDir,
      });
      databaseUrl = embedded.url;
      console.log(`PostgreSQL intégré démarré (${dataDir}, port ${env.EMBEDDED_DB_PORT}).`);
    }
    await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
    // The job queue's schema and queues, before the app sends its first job (lib/jobs/queues.ts).
    await installJobQueues(databaseUrl);
    // The Prisma client is generated code (git-ignored): generate it before loading it.
    await generatePrismaClientIfStale();
    if (embedded || env.SEED_DEMO_CATALOG === '1') {
      await seedDemoCatalogIfEmpty(databaseUrl, embedded ? path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR) : null);
    }

    if (mode === 'start') await buildIfStale();
    if (shuttingDown) return;

    const siteUrl = env.SITE_URL ?? `http://localhost:${env.PORT}`;
    const appEnv: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      SITE_URL: siteUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      // The e-mails sent, noted outside the database for a restore (scripts/lib/backup/sent-emails.ts).
      SENT_EMAIL_JOURNAL: sentEmailJournal(readBackupSettings().journalDir),
      // The erasures of personal data, applied again by a restore (scripts/lib/backup/erasures.ts).
      ERASURE_JOURNAL: erasureJournal(readBackupSettings().journalDir),
      // Distributors' ONIX files dropped here are imported by the worker (lib/data/catalog/onix-inbox.ts).
      ONIX_INBOX_DIR: process.env.ONIX_INBOX_DIR ?? path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR, 'onix-inbox'),
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
    let appPort = env.PORT;
    if (options.frontCache) {
      const ports = {
        port: env.PORT,
        purgePort: env.FRONT_CACHE_PURGE_PORT ?? env.PORT + 1,
        appPort: env.FRONT_CACHE_APP_PORT ?? env.PORT + 2,
      };
      appPort = ports.appPort;
      frontCache = await startFrontCache(ports, path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR));
      appEnv.FRONT_CACHE_PURGE_URLS = `http://127.0.0.1:${ports.purgePort}/`;
      // Varnish appends the address it saw to X-Forwarded-For.
      appEnv.TRUSTED_PROXY_COUNT = String(env.TRUSTED_PROXY_COUNT + 1);
      console.log(
        `Cache frontal : Varnish sur le port ${ports.port} (purges sur ${ports.purgePort}), l’application sur ${ports.appPort}.`,
      );
    }
    // Next behind the shop's own HTTP server (scripts/serve.ts: TRACE refused, client address, timeouts).
    const serveArgs = ['--import', 'tsx', path.join(ROOT, 'scripts/serve.ts'), '--port', String(appPort)];
    app = spawn(process.execPath, mode === 'dev' ? [...serveArgs, '--dev'] : serveArgs, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...appEnv },
    });
    const child = app;
    appExited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code) => void shutdown(code ?? 0));
    // Background jobs (scripts/worker.ts): the purge of abandoned holds, orders and carts.
    worker = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'scripts/worker.ts')],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, ...appEnv },
      },
    );
    const jobs = worker;
    workerExited = new Promise((resolve) => jobs.once('exit', () => resolve()));
    const what = mode === 'dev' ? 'en développement (rechargement à chaud)' : 'ouverte';
    console.log(`La librairie est ${what} sur ${siteUrl} (prête en ${((Date.now() - started) / 1000).toFixed(1)} s).`);
    console.log(
      env.SMTP_URL
        ? `Courriels : envoyés par SMTP (${new URL(env.SMTP_URL).host}) ; copie dans ${siteUrl}/admin/emails.`
        : `Courriels : aucun SMTP_URL, rien ne sort de la machine ; la boîte d’envoi de développement est la table "EmailMessage", lisible sur ${siteUrl}/admin/emails.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}
