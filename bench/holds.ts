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
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { listProblems } from '../lib/validation/zod-errors';
import { createCarts, createTestBook } from '../scripts/test/fixtures/books';
import { createPrismaClient, type PrismaClient } from '../lib/database/prisma-client';
import { seedDemoCatalog } from '../prisma/seed';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/lib/embedded-postgres';
import { generatePrismaClientIfStale } from '../scripts/lib/project';
import { installJobQueues } from '../scripts/lib/job-queues';
import { runPrisma } from '../scripts/prisma';
import { startPgBouncer, type PgBouncer } from '../scripts/lib/pgbouncer';
import { freePort } from '../scripts/test/database';
import { SESSION_STATES, WORKER_APPLICATION_NAME, sampleSessions, type SessionState } from './lib/session-sampler';
import { BUSY, checkBook, readBookFacts, type BookAnswers, type BookPlan } from '../scripts/test/hold-invariants';
import { WorkerMessageSchema, type OrderOutcome, type ParentMessage, type WorkerMessage } from './lib/worker-protocol';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKER = path.join(ROOT, 'bench/lib/place-orders-worker.ts');
/** Uncounted orders each worker places first, so no scenario pays for JIT warm-up or new connections. */
const WARM_UP_ORDERS_PER_PROCESS = 10;

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

type Scenario = {
  name: string;
  /** Worker processes, each an app instance with its own connection pool. */
  processes: number;
  /** sequential: one order at a time per process; burst: all of a process's buyers at once. */
  mode: 'sequential' | 'burst';
  books: BookPlan[];
};

function scenarios(buyers: number): Scenario[] {
  const spreadBooks = 20;
  return [
    {
      name: '1. baseline: sequential, plenty of stock',
      processes: 1,
      mode: 'sequential',
      books: [{ title: 'Mille exemplaires', onHand: Math.max(1000, buyers), withSupplier: false, buyers }],
    },
    {
      name: '2. contended: 1 book, 5 copies',
      processes: 2,
      mode: 'burst',
      books: [{ title: 'Cinq exemplaires', onHand: 5, withSupplier: false, buyers }],
    },
    {
      name: '3. contended + supplier',
      processes: 2,
      mode: 'burst',
      books: [{ title: 'Cinq et le distributeur', onHand: 5, withSupplier: true, buyers }],
    },
    {
      name: `4. spread: ${spreadBooks} books × 50 copies`,
      processes: 2,
      mode: 'burst',
      books: Array.from({ length: spreadBooks }, (_, index) => ({
        title: `Réparti ${index + 1}`,
        onHand: 50,
        withSupplier: false,
        buyers: Math.floor(buyers / spreadBooks) + (index < buyers % spreadBooks ? 1 : 0),
      })),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Workers

const liveWorkers = new Set<ChildProcess>();

/** Tags the workers' sessions in pg_stat_activity (node-postgres reads application_name from the URL). */
function withApplicationName(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', WORKER_APPLICATION_NAME);
  return url.toString();
}

function startWorker(databaseUrl: string): ChildProcess {
  const child = fork(WORKER, [], {
    cwd: ROOT,
    execArgv: ['--conditions=react-server', '--import', 'tsx'],
    // What lib/env.ts requires; placeOrder never calls Stripe, so the emulator URL leads nowhere.
    env: {
      ...process.env,
      DATABASE_URL: withApplicationName(databaseUrl),
      SITE_URL: 'http://localhost:3000',
      COOKIE_SECRET: 'b'.repeat(32),
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_secret_for_workers',
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  liveWorkers.add(child);
  child.once('exit', () => liveWorkers.delete(child));
  return child;
}

/** The worker's next message, which must be of this type; rejects if it exits first. */
function nextMessage<T extends WorkerMessage['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<WorkerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const settle = (error: Error | null, message?: WorkerMessage) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as Extract<WorkerMessage, { type: T }>);
    };
    const onMessage = (raw: unknown) => {
      const parsed = WorkerMessageSchema.safeParse(raw);
      if (!parsed.success)
        settle(new Error(`worker ${child.pid} sent an unexpected message: ${JSON.stringify(raw).slice(0, 200)}`));
      else if (parsed.data.type !== type)
        settle(new Error(`worker ${child.pid} sent "${parsed.data.type}", expected "${type}"`));
      else settle(null, parsed.data);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      settle(
        new Error(`worker ${child.pid} exited (${signal ?? `code ${code}`}) before "${type}"; its errors are above`),
      );
    if (child.exitCode !== null || child.signalCode !== null) return onExit(child.exitCode, child.signalCode);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (code: number | null, signal: NodeJS.Signals | null) =>
      code === 0 ? resolve() : reject(new Error(`worker ${child.pid} exited with ${signal ?? `code ${code}`}`));
    if (child.exitCode !== null || child.signalCode !== null) check(child.exitCode, child.signalCode);
    else child.once('exit', check);
  });
}

const send = (child: ChildProcess, message: ParentMessage) => child.send(message);

type WorkerPlan = { warmUpCartIds: string[]; cartIds: string[]; concurrency: number };

/**
 * Starts one worker per plan, lets each warm up, then tells them all to go at once and times
 * from "go" to the last answer: process start-up and warm-up stay out of the figure.
 */
async function placeOrdersFromWorkers(
  databaseUrl: string,
  plans: WorkerPlan[],
): Promise<{ outcomes: OrderOutcome[]; wallMs: number; cpuMs: number }> {
  const children = plans.map(() => startWorker(databaseUrl));
  try {
    await Promise.all(
      children.map(async (child, index) => {
        await nextMessage(child, 'listening');
        const ready = nextMessage(child, 'ready');
        send(child, { type: 'prepare', ...(plans[index] as WorkerPlan) });
        await ready;
      }),
    );
    const done = children.map((child) => nextMessage(child, 'done'));
    const started = performance.now();
    for (const child of children) send(child, { type: 'go' });
    const answers = await Promise.all(done);
    const wallMs = performance.now() - started;
    await Promise.all(children.map(exited));
    return {
      outcomes: answers.flatMap((answer) => answer.outcomes),
      wallMs,
      cpuMs: answers.reduce((sum, answer) => sum + answer.cpuMs, 0),
    };
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

type ScenarioResult = {
  scenario: Scenario;
  buyers: number;
  wallMs: number;
  /** CPU time of the app processes (all workers) during the burst. */
  appCpuMs: number;
  sessions: Map<SessionState, number>;
  latenciesMs: number[];
  accepted: number;
  fromStock: number;
  backorder: number;
  refused: number;
  busy: number;
  oversoldCounter: number;
  oversoldHolds: number;
  broken: string[];
};

/** Cart ids taken one per book in turn, so that every process gets buyers of every book. */
function interleave(lists: string[][]): string[] {
  const longest = Math.max(...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, index) => lists.flatMap((list) => list[index] ?? [])).flat();
}

async function runScenario(db: PrismaClient, databaseUrl: string, scenario: Scenario): Promise<ScenarioResult> {
  const books: { plan: BookPlan; id: number; cartIds: string[] }[] = [];
  for (const plan of scenario.books) {
    const book = await createTestBook(db, { onHand: plan.onHand, withSupplier: plan.withSupplier, title: plan.title });
    books.push({ plan, id: book.id, cartIds: await createCarts(db, book.id, plan.buyers) });
  }
  const warmUpCount = WARM_UP_ORDERS_PER_PROCESS * scenario.processes;
  const warmUpBook = await createTestBook(db, { onHand: warmUpCount, withSupplier: false, title: 'Échauffement' });
  const warmUpCarts = await createCarts(db, warmUpBook.id, warmUpCount);

  const carts = interleave(books.map((book) => book.cartIds));
  const plans = Array.from({ length: scenario.processes }, (_, process): WorkerPlan => {
    const cartIds = carts.filter((_, index) => index % scenario.processes === process);
    return {
      warmUpCartIds: warmUpCarts.filter((_, index) => index % scenario.processes === process),
      cartIds,
      concurrency: scenario.mode === 'sequential' ? 1 : Math.max(1, cartIds.length),
    };
  });
  const sampler = sampleSessions(db);
  const burst = await placeOrdersFromWorkers(databaseUrl, plans).catch(async (error: unknown) => {
    await sampler.stop().catch((samplerError: unknown) => console.error('Session sampler also failed:', samplerError));
    throw error;
  });
  const { outcomes, wallMs, cpuMs } = burst;
  const sessions = await sampler.stop();

  const bookOfCart = new Map(books.flatMap((book) => book.cartIds.map((cartId) => [cartId, book.id] as const)));
  const answersByBook = new Map<number, BookAnswers>(
    books.map((book) => [book.id, { accepted: 0, refusals: new Map(), sampleMessages: new Map() }]),
  );
  for (const outcome of outcomes) {
    const answers = answersByBook.get(bookOfCart.get(outcome.cartId) ?? -1);
    if (!answers) throw new Error(`A worker answered for cart ${outcome.cartId}, which it was not given`);
    if (outcome.ok) {
      answers.accepted += 1;
    } else {
      answers.refusals.set(outcome.code, (answers.refusals.get(outcome.code) ?? 0) + 1);
      if (!answers.sampleMessages.has(outcome.code)) answers.sampleMessages.set(outcome.code, outcome.message);
    }
  }

  const result: ScenarioResult = {
    scenario,
    buyers: outcomes.length,
    wallMs,
    appCpuMs: cpuMs,
    sessions,
    latenciesMs: outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b),
    accepted: 0,
    fromStock: 0,
    backorder: 0,
    refused: 0,
    busy: 0,
    oversoldCounter: 0,
    oversoldHolds: 0,
    broken: [],
  };
  const expectedBuyers = books.reduce((sum, book) => sum + book.plan.buyers, 0);
  if (outcomes.length !== expectedBuyers) result.broken.push(`${outcomes.length} answers for ${expectedBuyers} buyers`);
  for (const book of books) {
    const facts = await readBookFacts(db, book.id);
    const answers = answersByBook.get(book.id) as BookAnswers;
    const verdict = checkBook(book.plan, facts, answers);
    const refusals = [...answers.refusals.values()].reduce((sum, count) => sum + count, 0);
    const busy = answers.refusals.get(BUSY) ?? 0;
    result.accepted += answers.accepted;
    result.fromStock += facts.fromStock;
    result.backorder += facts.backorder;
    result.refused += refusals - busy;
    result.busy += busy;
    result.oversoldCounter += verdict.oversoldCounter;
    result.oversoldHolds += verdict.oversoldHolds;
    result.broken.push(...verdict.broken.map((problem) => `« ${book.plan.title} » (book ${book.id}): ${problem}`));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Output

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Left-aligned first column, right-aligned figures. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function report(results: ScenarioResult[]): string {
  const holdsPerSecond = (result: ScenarioResult) => result.buyers / (result.wallMs / 1000);
  const baseline = results[0] ? holdsPerSecond(results[0]) : Number.NaN;
  const speed = table(
    [
      'scenario',
      'processes × in flight',
      'buyers',
      'wall s',
      'holds/s',
      '× baseline',
      'p50 ms',
      'p95 ms',
      'max ms',
      'app CPU ms/order',
    ],
    results.map((result) => {
      const inFlight = result.scenario.mode === 'sequential' ? 1 : Math.ceil(result.buyers / result.scenario.processes);
      return [
        result.scenario.name,
        `${result.scenario.processes} × ${inFlight}`,
        String(result.buyers),
        (result.wallMs / 1000).toFixed(2),
        holdsPerSecond(result).toFixed(0),
        (holdsPerSecond(result) / baseline).toFixed(2),
        percentile(result.latenciesMs, 50).toFixed(1),
        percentile(result.latenciesMs, 95).toFixed(1),
        percentile(result.latenciesMs, 100).toFixed(1),
        (result.appCpuMs / result.buyers).toFixed(1),
      ];
    }),
  );
  const outcome = table(
    [
      'scenario',
      'copies',
      'accepted',
      'from stock',
      'backorder',
      'refused',
      'busy',
      'oversold (counter)',
      'oversold (holds)',
      'invariants',
    ],
    results.map((result) => [
      result.scenario.name,
      String(result.scenario.books.reduce((sum, book) => sum + book.onHand, 0)),
      String(result.accepted),
      String(result.fromStock),
      String(result.backorder),
      String(result.refused),
      String(result.busy),
      String(result.oversoldCounter),
      String(result.oversoldHolds),
      result.broken.length === 0 ? 'ok' : `${result.broken.length} broken`,
    ]),
  );
  const sessions = table(
    ['scenario', ...SESSION_STATES.map((state) => `${state} %`)],
    results.map((result) => [
      result.scenario.name,
      ...SESSION_STATES.map((state) => ((result.sessions.get(state) ?? 0) * 100).toFixed(0)),
    ]),
  );
  const cpus = os.cpus();
  return [
    speed,
    '',
    outcome,
    '',
    "Where the workers' database sessions spent the burst (pg_stat_activity, sampled every 100 ms):",
    sessions,
    '',
    'holds/s: buyers answered (held, backordered or refused) per second, from "go" to the last answer;',
    '× baseline: against scenario 1 of this run. Latency: one placeOrder call, waiting for a pooled',
    'connection and for the stock row lock included. app CPU: user + system time of the worker processes.',
    'busy: refused with BUSY (waited too long for the lock).',
    'oversold (counter) = Σ max(0, StockLevel.held − onHand); oversold (holds) = Σ max(0, active holds − onHand).',
    'Sessions: "app (in tx)" = transaction open, PostgreSQL waiting for the Node process; "row lock" = queued on a',
    'StockLevel row; "idle in pool" = pooled connection with no transaction.',
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, embedded PostgreSQL 18.`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

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
      for (const child of liveWorkers) child.kill();
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
