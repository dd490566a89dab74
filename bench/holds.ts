// Hold benchmark: how many checkouts per second placeOrder answers when buyers in separate app
// instances race for the same copies, and whether any copy is promised twice (oversold).
//
//   npx tsx bench/holds.ts                      # 400 buyers per scenario, about a minute on 2 cores
//   BENCH_BUYERS=1000 npx tsx bench/holds.ts    # more buyers per scenario (20 to 20000)
//   BENCH_POOLER=pgbouncer npx tsx bench/holds.ts  # the app instances through PgBouncer (transaction mode)
//
// Starts its own PostgreSQL (embedded, in a temporary folder), applies the migrations, loads
// the demo catalog, then runs each scenario on fresh books with worker processes that call the
// real placeOrder (bench/lib/place-orders-worker.ts). Prints figures, asserts no speed: compare
// the "× baseline" ratios between runs, not raw holds/s between machines. Exits 1 only when a
// copy is oversold or a stock invariant breaks (scripts/test/hold-invariants.ts). See bench/README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { listProblems } from '../lib/validation/zod-errors';
import { createPrismaClient, type PrismaClient } from '../lib/database/prisma-client';
import { seedDemoCatalog } from '../prisma/seed';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/lib/embedded-postgres';
import { generatePrismaClientIfStale } from '../scripts/lib/project';
import { installJobQueues } from '../scripts/lib/job-queues';
import { runPrisma } from '../scripts/prisma';
import { startPgBouncer, type PgBouncer } from '../scripts/lib/pgbouncer';
import { freePort } from '../scripts/test/database';
import { report } from './lib/hold-report';
import { runScenario, scenarios, type ScenarioResult } from './lib/hold-scenarios';
import { killLiveWorkers } from './lib/hold-workers';

const BenchEnvSchema = z.object({
  BENCH_BUYERS: z.coerce
    .number({ error: 'BENCH_BUYERS must be a whole number of buyers per scenario (e.g. 400).' })
    .int('BENCH_BUYERS must be a whole number of buyers per scenario (e.g. 400).')
    .min(20, 'BENCH_BUYERS must be at least 20 (scenario 4 spreads buyers over 20 books).')
    .max(20_000, 'BENCH_BUYERS must be at most 20000.')
    .default(400),
  BENCH_POOLER: z
    .enum(['direct', 'pgbouncer'], { error: 'BENCH_POOLER must be direct or pgbouncer.' })
    .default('direct'),
});

async function main(): Promise<number> {
  const env = BenchEnvSchema.safeParse(process.env);
  if (!env.success) throw new Error(listProblems(env.error));
  const buyers = env.data.BENCH_BUYERS;

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'librairie-bench-pg-'));
  let server: EmbeddedDatabase | undefined;
  let bouncer: PgBouncer | undefined;
  let db: PrismaClient | undefined;
  let cleaning: Promise<void> | undefined;
  // Runs once, from the finally below or from Ctrl-C: workers, client, server, then the folder,
  // each step even if the one before failed.
  const cleanup = () =>
    (cleaning ??= (async () => {
      killLiveWorkers();
      try {
        await db?.$disconnect();
      } finally {
        try {
          await bouncer?.stop();
          await server?.stop();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    })());
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the workers and the database…`);
    // Queries in flight fail once the server stops: expected now, so logged in one line, not fatal.
    process.on('unhandledRejection', (reason) =>
      console.error(`(after ${signal}) ${reason instanceof Error ? reason.message.split('\n')[0] : String(reason)}`),
    );
    cleanup().then(
      () => process.exit(130),
      (error: unknown) => {
        console.error('Cleanup failed:', error);
        process.exit(130);
      },
    );
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    await generatePrismaClientIfStale();
    console.log(`Starting PostgreSQL in ${dataDir}…`);
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'librairie_bench' });
    await runPrisma(['migrate', 'deploy'], { DATABASE_URL: server.url });
    await installJobQueues(server.url);
    db = createPrismaClient(server.url);
    await seedDemoCatalog(db);
    // The workers (app instances) reach the server directly, or through PgBouncer in transaction
    // mode as in the multi-instance setup (docs/deployment.md).
    if (env.data.BENCH_POOLER === 'pgbouncer') {
      bouncer = await startPgBouncer({ serverUrl: server.url, port: await freePort(), dir: `${dataDir}-pgbouncer` });
    }
    const workersUrl = bouncer?.url ?? server.url;

    const results: ScenarioResult[] = [];
    for (const scenario of scenarios(buyers)) {
      console.log(`Running ${scenario.name} (${buyers} buyers)…`);
      results.push(await runScenario(db, workersUrl, scenario));
    }

    console.log(`\nHolds under load — ${buyers} buyers per scenario, ${bouncer ? 'through PgBouncer' : 'direct'}\n`);
    console.log(report(results));
    const broken = results.flatMap((result) => result.broken.map((problem) => `${result.scenario.name}: ${problem}`));
    if (broken.length === 0) return 0;
    console.error(`\n✗ ${broken.length} invariant(s) broken:\n${broken.map((problem) => `  - ${problem}`).join('\n')}`);
    return 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
