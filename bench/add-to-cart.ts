// Add-to-cart under a burst of readers, on two instances of the built app sharing one PostgreSQL
// (as behind a load balancer): throughput, latency and the share of readers told "réessayez",
// at 100, 250 and 500 simultaneous readers, against a sequential baseline measured in the same
// run. Readers post the book page's form as a browser without JavaScript does.
//   npx tsx bench/add-to-cart.ts
// It starts its own embedded PostgreSQL in a temporary folder and builds the app if its sources
// changed; everything is stopped and removed at the end. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../lib/database/prisma-client';
import { seedDemoCatalog } from '../prisma/seed';
import { SEED_BOOK_EAN } from '../prisma/demo-catalog/seed-book';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/lib/embedded-postgres';
import { buildIfStale, generatePrismaClientIfStale } from '../scripts/lib/project';
import { installJobQueues } from '../scripts/lib/job-queues';
import { runPrisma } from '../scripts/prisma';
import { formFields, postForm, type FormField } from '../scripts/test/action-forms';
import { startAppInstance, type AppInstance } from '../scripts/test/app-instance';
import { freePort } from '../scripts/test/database';
import { percentile } from './lib/percentile';

const BURSTS = [100, 250, 500];
const BASELINE_ADDS = 100;
const RETRY = 'Trop de demandes en même temps';

type Outcome = { kind: 'added' | 'retry' | 'other' | 'server_error'; latencyMs: number };

let readerCounter = 0;

async function addOnce(instance: AppInstance, fields: FormField[]): Promise<Outcome> {
  readerCounter += 1;
  const address = `10.${Math.floor(readerCounter / 65536) % 256}.${Math.floor(readerCounter / 256) % 256}.${readerCounter % 256}`;
  const started = performance.now();
  try {
    const response = await postForm(`${instance.url}/livre/${SEED_BOOK_EAN}`, fields, { forwardedFor: address });
    const text = await response.text();
    const latencyMs = performance.now() - started;
    if (response.status >= 500) return { kind: 'server_error', latencyMs };
    if (response.status === 303) return { kind: 'added', latencyMs };
    return { kind: response.status === 200 && text.includes(RETRY) ? 'retry' : 'other', latencyMs };
  } catch {
    // A refused or reset connection counts as a server failure.
    return { kind: 'server_error', latencyMs: performance.now() - started };
  }
}

type Row = { label: string; readers: number; wallMs: number; outcomes: Outcome[] };

function report(rows: Row[]): string {
  const baseline = rows[0];
  const rate = (row: Row) => (row.outcomes.length / row.wallMs) * 1000;
  const header = ['run', 'readers', 'answers/s', '× baseline', 'added', 'retry', 'other', '5xx', 'p50 ms', 'p95 ms'];
  const lines = rows.map((row) => {
    const count = (kind: Outcome['kind']) => row.outcomes.filter((outcome) => outcome.kind === kind).length;
    const latencies = row.outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
    const share = (n: number) => `${n} (${((n / row.outcomes.length) * 100).toFixed(0)} %)`;
    return [
      row.label,
      String(row.readers),
      rate(row).toFixed(0),
      baseline ? (rate(row) / rate(baseline)).toFixed(2) : '—',
      share(count('added')),
      share(count('retry')),
      String(count('other')),
      String(count('server_error')),
      percentile(latencies, 50).toFixed(0),
      percentile(latencies, 95).toFixed(0),
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
  try {
    await generatePrismaClientIfStale();
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'librairie_bench' });
    await runPrisma(['migrate', 'deploy'], { DATABASE_URL: server.url });
    await installJobQueues(server.url);
    const db = createPrismaClient(server.url);
    await seedDemoCatalog(db);
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
    const html = await (await fetch(`${instances[0]!.url}/livre/${SEED_BOOK_EAN}`)).text();
    const fields = formFields(html, 'Ajouter au panier');

    // Warm-up (JIT, pools), not counted.
    await Promise.all(instances.flatMap((instance) => Array.from({ length: 20 }, () => addOnce(instance, fields))));

    const rows: Row[] = [];
    let started = performance.now();
    const sequential: Outcome[] = [];
    for (let index = 0; index < BASELINE_ADDS; index += 1)
      sequential.push(await addOnce(instances[index % 2]!, fields));
    rows.push({
      label: 'baseline (one at a time)',
      readers: 1,
      wallMs: performance.now() - started,
      outcomes: sequential,
    });

    for (const readers of BURSTS) {
      started = performance.now();
      const outcomes = await Promise.all(
        Array.from({ length: readers }, (_, index) => addOnce(instances[index % 2]!, fields)),
      );
      rows.push({ label: `burst`, readers, wallMs: performance.now() - started, outcomes });
      // Let the pools and PostgreSQL settle between bursts.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }

    console.log(
      `\nAdd-to-cart on 2 app instances, one PostgreSQL (${os.cpus().length} cores, Node ${process.version})\n`,
    );
    console.log(report(rows));
    console.log(
      [
        '',
        'answers/s: answers (added, retry or other) per second from the burst to its last answer; × baseline: against',
        'the sequential run. added: 303 to /panier. retry: the page with "Trop de demandes en même temps : réessayez".',
        '5xx: server errors or refused connections (the target is 0). Latency: one POST, queueing included.',
      ].join('\n'),
    );
  } finally {
    for (const instance of instances) await instance.stop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
