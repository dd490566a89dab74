// Add-to-cart under a burst of readers, on two instances of the built app sharing one PostgreSQL
// (as behind a load balancer), against a bare node:http server doing the one write and the
// redirect on the same database (bench/lib/bare-cart-server.ts, two processes too), measured in
// the same run: adds per second and their ratio (target ≥ 0.5), latency p50/p95 (target p95 ≤
// 1.5 s), 5xx (target 0). Three runs, their median. Readers post the book page's form as a
// browser without JavaScript does, each from an address of its own.
//   npx tsx bench/add-to-cart.ts                  # 300 readers per burst
//   BENCH_READERS=500 BENCH_RUNS=5 npx tsx bench/add-to-cart.ts
// It starts its own embedded PostgreSQL in a temporary folder and builds the app if its sources
// changed; everything is stopped and removed at the end. See bench/README.md.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../lib/database/prisma-client';
import { seedDemoCatalog } from '../prisma/seed';
import { SEED_BOOK_EAN } from '../prisma/demo-catalog/seed-book';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/lib/embedded-postgres';
import { buildIfStale, generatePrismaClientIfStale } from '../scripts/lib/project';
import { installJobQueues } from '../scripts/lib/job-queues';
import { runPrisma } from '../scripts/prisma';
import { formFields, postForm, withValues, type FormField } from '../scripts/test/action-forms';
import { startAppInstance, type AppInstance } from '../scripts/test/app-instance';
import { freePort } from '../scripts/test/database';
import { percentile } from './lib/percentile';
import { cpuMs, processTree } from './lib/process-cpu';

const READERS = Number(process.env.BENCH_READERS ?? 300);
const LABELS = {
  bare: 'bare upsert, 1 process',
  'bare x2': 'bare upsert, 2 processes',
  app: 'the app',
  'no write': 'the app, refused (no write)',
} as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

type Outcome = { kind: 'added' | 'retry' | 'other' | 'server_error'; latencyMs: number };

let readerCounter = 0;

type Target = { url: string };

async function addOnce(target: Target, fields: FormField[]): Promise<Outcome> {
  readerCounter += 1;
  const address = `10.${Math.floor(readerCounter / 65536) % 256}.${Math.floor(readerCounter / 256) % 256}.${readerCounter % 256}`;
  const started = performance.now();
  try {
    const response = await postForm(`${target.url}/panier/ajouter`, fields, { forwardedFor: address });
    await response.arrayBuffer();
    const latencyMs = performance.now() - started;
    if (response.status >= 500) return { kind: 'server_error', latencyMs };
    const location = response.headers.get('location') ?? '';
    if (response.status === 303 && location === '/panier') return { kind: 'added', latencyMs };
    // "Ajouter au panier" refused for the moment: the cart page says to try again.
    return { kind: /erreur=(BUSY|RATE_LIMITED)\b/.test(location) ? 'retry' : 'other', latencyMs };
  } catch {
    // A refused or reset connection counts as a server failure.
    return { kind: 'server_error', latencyMs: performance.now() - started };
  }
}

async function burst(
  targets: Target[],
  fields: FormField[],
  readers: number,
): Promise<{ wallMs: number; outcomes: Outcome[] }> {
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: readers }, (_, index) => addOnce(targets[index % targets.length]!, fields)),
  );
  return { wallMs: performance.now() - started, outcomes };
}

function startBareServer(port: number, databaseUrl: string, bookId: number): Promise<ChildProcess> {
  const child = fork(
    path.join(import.meta.dirname, 'lib/bare-cart-server.ts'),
    [String(port), databaseUrl, String(bookId)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: 'ignore',
    },
  );
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bare cart server stopped (${code})`)));
  });
}

type Row = {
  label: string;
  run: number;
  readers: number;
  wallMs: number;
  outcomes: Outcome[];
  /** CPU time per answer, in milliseconds: the servers (app instances or bare processes), PostgreSQL. */
  cpu: { server: number; postgres: number };
};

const rate = (row: Row) => (row.outcomes.length / row.wallMs) * 1000;
const median = (values: number[]) => percentile(values, 50);
const p95 = (row: Row) =>
  percentile(
    row.outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b),
    95,
  );

function report(rows: Row[], baselineOf: (row: Row) => Row): string {
  const header = [
    'run',
    'what',
    'readers',
    'adds/s',
    '× bare',
    'added',
    'retry',
    'other',
    '5xx',
    'p50 ms',
    'p95 ms',
    'CPU ms/add server',
    'postgres',
  ];
  const lines = rows.map((row) => {
    const count = (kind: Outcome['kind']) => row.outcomes.filter((outcome) => outcome.kind === kind).length;
    const latencies = row.outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
    return [
      String(row.run),
      row.label,
      String(row.readers),
      rate(row).toFixed(0),
      (rate(row) / rate(baselineOf(row))).toFixed(2),
      String(count('added')),
      String(count('retry')),
      String(count('other')),
      String(count('server_error')),
      percentile(latencies, 50).toFixed(0),
      percentile(latencies, 95).toFixed(0),
      row.cpu.server.toFixed(2),
      row.cpu.postgres.toFixed(2),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'librairie-bench-cart-'));
  let server: EmbeddedDatabase | undefined;
  const instances: AppInstance[] = [];
  const bare: ChildProcess[] = [];
  try {
    await generatePrismaClientIfStale();
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'librairie_bench' });
    await runPrisma(['migrate', 'deploy'], { DATABASE_URL: server.url });
    await installJobQueues(server.url);
    const db = createPrismaClient(server.url);
    await seedDemoCatalog(db);
    const book = await db.book.findUniqueOrThrow({ where: { ean: SEED_BOOK_EAN }, select: { id: true } });
    await db.$disconnect();
    await buildIfStale();

    const env = {
      DATABASE_URL: server.url,
      SITE_URL: 'http://localhost:3000',
      COOKIE_SECRET: randomBytes(32).toString('base64url'),
      STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64url')}`,
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
      // Each simulated reader has an address of its own, as behind a load balancer.
      TRUSTED_PROXY_COUNT: '1',
    };
    for (let index = 0; index < 2; index += 1) instances.push(await startAppInstance(await freePort(), env));
    const bareTargets: Target[] = [];
    for (let index = 0; index < 2; index += 1) {
      const port = await freePort();
      bare.push(await startBareServer(port, server.url, book.id));
      bareTargets.push({ url: `http://127.0.0.1:${port}` });
    }
    const html = await (await fetch(`${instances[0]!.url}/livre/${SEED_BOOK_EAN}`)).text();
    const fields = formFields(html, 'Ajouter au panier');

    // Warm-up (JIT, pools), not counted.
    for (const targets of [instances, bareTargets]) await burst(targets, fields, 60);

    const rows: Row[] = [];
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));
    const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    for (let run = 1; run <= RUNS; run += 1) {
      // Alternating order, so a drift of the machine's load touches both.
      const order =
        run % 2 === 1
          ? (['bare', 'bare x2', 'app', 'no write'] as const)
          : (['no write', 'app', 'bare x2', 'bare'] as const);
      for (const what of order) {
        const processes = { bare: bare.slice(0, 1), 'bare x2': bare }[what as 'bare' | 'bare x2'];
        const servers = processTree(processes ? processes.map((child) => child.pid!) : instances.map((i) => i.pid));
        const postgres = processTree([postmaster]);
        const before = { server: cpuMs(servers), postgres: cpuMs(postgres) };
        const measured = await burst(
          { bare: bareTargets.slice(0, 1), 'bare x2': bareTargets }[what as 'bare' | 'bare x2'] ?? instances,
          what === 'no write' ? withValues(fields, { quantity: 'aucune' }) : fields,
          READERS,
        );
        const answers = measured.outcomes.length;
        const cpu = {
          server: (cpuMs(servers) - before.server) / answers,
          postgres: (cpuMs(postgres) - before.postgres) / answers,
        };
        rows.push({ label: LABELS[what], run, readers: READERS, ...measured, cpu });
        await settle();
      }
    }

    const bareOf = (row: Row) => rows.find((other) => other.run === row.run && other.label === LABELS.bare)!;
    const bareTwoOf = (row: Row) => rows.find((other) => other.run === row.run && other.label === LABELS['bare x2'])!;
    console.log(
      `\nAdd-to-cart, ${READERS} readers at once over 2 instances, ${RUNS} runs; ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}, Node ${process.version}; ${new Date().toISOString()}\n`,
    );
    console.log(report(rows, bareOf));
    const app = rows.filter((row) => row.label === 'the app');
    const bareRows = rows.filter((row) => row.label === LABELS.bare);
    const ratios = app.map((row) => rate(row) / rate(bareOf(row)));
    const ratiosTwo = app.map((row) => rate(row) / rate(bareTwoOf(row)));
    console.log(
      [
        '',
        `Median of ${RUNS} runs: the app ${median(app.map(rate)).toFixed(0)} adds/s, bare ${median(bareRows.map(rate)).toFixed(0)} adds/s,` +
          ` ratio ${median(ratios).toFixed(2)} (target ≥ 0.5; ${median(ratiosTwo).toFixed(2)} against the bare server on 2 processes), the app's p95 ${median(app.map(p95)).toFixed(0)} ms (target ≤ 1500),` +
          ` 5xx ${app.reduce((sum, row) => sum + row.outcomes.filter((outcome) => outcome.kind === 'server_error').length, 0)} (target 0)`,
        `CPU per add (median): the app ${median(app.map((row) => row.cpu.server)).toFixed(2)} ms + PostgreSQL ${median(app.map((row) => row.cpu.postgres)).toFixed(2)} ms;` +
          ` bare ${median(bareRows.map((row) => row.cpu.server)).toFixed(2)} ms + PostgreSQL ${median(bareRows.map((row) => row.cpu.postgres)).toFixed(2)} ms`,
        '',
        'adds/s: answers per second from the burst to its last answer; × bare: against the bare server (one process, as',
        'the issue defines the baseline) of the same run; the same server on two processes, like the app, for comparison.',
        '"refused (no write)": the same route and form with a quantity that is no number: parsed and refused before any',
        'database statement (303 to /panier?erreur=INVALID_INPUT, counted in "other"): what Next and the route cost alone.',
        'added: 303 to /panier. retry: 303 to /panier?erreur=BUSY (the cart page says "réessayez"). 5xx: server errors or',
        'refused connections. Latency: one POST, queueing included. CPU ms/add: user + system time of the servers (the two',
        'app instances, or the bare processes) and of PostgreSQL during the burst, per answer (/proc).',
      ].join('\n'),
    );
  } finally {
    for (const child of bare) child.kill('SIGTERM');
    for (const instance of instances) await instance.stop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
