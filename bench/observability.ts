// `npm run bench:observability`: what the logs and metrics cost per request (scripts/serve.ts:
// the request id and its context, one access-log line, one sample of the duration histogram) on
// the book page and on add-to-cart, against the same built app with OBSERVABILITY=off, in the same
// run: two instances on one PostgreSQL, loaded one at a time, on/off interleaved, three runs each;
// the medians of requests per second and their ratio (target: within 5 %). Add-to-cart posts the
// book page's form as a browser without JavaScript does, each request from an address of its own
// (as behind a load balancer) so no per-client limit is reached.
// It starts its own embedded PostgreSQL in a temporary folder and builds the app if its sources
// changed; everything is stopped and removed at the end. bench/README.md
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SEED_BOOK_EAN } from '../prisma/demo-catalog/seed-book';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/lib/embedded-postgres';
import { buildIfStale } from '../scripts/lib/project';
import { formFields, type FormField } from '../scripts/test/action-forms';
import { startAppInstance, type AppInstance } from '../scripts/test/app-instance';
import { freePort } from '../scripts/test/database';
import { percentile } from './lib/percentile';
import { migrateAndSeedDemo } from './lib/prepare-database';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RUNS = 3;
const BOOK_PATH = `/livre/${SEED_BOOK_EAN}`;

type Target = 'book page' | 'add-to-cart';
type Run = { requestsPerSecond: number; p99Ms: number; statuses: Record<string, number>; errors: number };

/** A multipart body as a browser sends the form, built once. */
function multipart(fields: FormField[]): { body: string; contentType: string } {
  const boundary = `----librairie-bench-${randomBytes(8).toString('hex')}`;
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

let reader = 0;
function nextAddress(): string {
  reader += 1;
  return `10.${Math.floor(reader / 65536) % 256}.${Math.floor(reader / 256) % 256}.${reader % 256}`;
}

function options(instance: AppInstance, target: Target, form: { body: string; contentType: string }, duration: number) {
  if (target === 'book page') return { url: `${instance.url}${BOOK_PATH}`, connections: CONNECTIONS, duration };
  return {
    url: `${instance.url}/panier/ajouter`,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST' as const,
        body: form.body,
        headers: { 'content-type': form.contentType, accept: 'text/html' },
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          headers: { ...request.headers, 'x-forwarded-for': nextAddress() },
        }),
      },
    ],
  };
}

async function measure(instance: AppInstance, target: Target, form: { body: string; contentType: string }) {
  await autocannon(options(instance, target, form, 2));
  const result = await autocannon(options(instance, target, form, SECONDS));
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
  );
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  } satisfies Run;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

/** bench/lib/observer-server.ts with the observer on or off, its stdout (the access log) to a file. */
async function startObserverServer(
  variant: 'on' | 'off',
  logFile: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'lib/observer-server.ts'), String(port)],
    {
      env: { ...process.env, OBSERVABILITY: variant, LOG_LEVEL: 'info' },
      stdio: ['ignore', openSync(logFile, 'a'), 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`observer server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/**
 * The observer alone, on a server that does nothing else: its cost per request in microseconds,
 * from the throughput with and without it (autocannon keeps the 2 cores busy either way).
 */
async function measureObserverAlone(dataDir: string): Promise<{ on: number[]; off: number[] }> {
  const servers = {
    on: await startObserverServer('on', path.join(dataDir, 'observer-on.log')),
    off: await startObserverServer('off', path.join(dataDir, 'observer-off.log')),
  };
  const figures = { on: [] as number[], off: [] as number[] };
  try {
    for (let index = 0; index < RUNS; index += 1) {
      for (const variant of index % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        const url = `${servers[variant].url}/livre/9782296013681`;
        await autocannon({ url, connections: CONNECTIONS, duration: 2 });
        const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
        figures[variant].push(result.requests.average);
      }
    }
  } finally {
    servers.on.child.kill();
    servers.off.child.kill();
  }
  return figures;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'librairie-bench-observability-'));
  let server: EmbeddedDatabase | undefined;
  const instances: AppInstance[] = [];
  try {
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'librairie_bench' });
    await migrateAndSeedDemo(server.url);
    await buildIfStale();

    const env = {
      DATABASE_URL: server.url,
      SITE_URL: 'http://localhost:3000',
      COOKIE_SECRET: randomBytes(32).toString('base64url'),
      STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64url')}`,
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
      TRUSTED_PROXY_COUNT: '1',
      LOG_LEVEL: 'info',
    };
    const on = await startAppInstance(await freePort(), { ...env, OBSERVABILITY: 'on' });
    instances.push(on);
    const off = await startAppInstance(await freePort(), { ...env, OBSERVABILITY: 'off' });
    instances.push(off);
    const form = multipart(formFields(await (await fetch(`${on.url}${BOOK_PATH}`)).text(), 'Ajouter au panier'));

    const runs = new Map<string, Run[]>();
    const offRequestsPerSecond: Record<string, number> = {};
    const load = os.loadavg()[0]!;
    for (const target of ['book page', 'add-to-cart'] as const) {
      for (let index = 0; index < RUNS; index += 1) {
        // Interleaved, and in alternating order, so a drift of the machine's load touches both.
        const order =
          index % 2 === 0
            ? ([
                ['on', on],
                ['off', off],
              ] as const)
            : ([
                ['off', off],
                ['on', on],
              ] as const);
        for (const [variant, instance] of order) {
          const key = `${target}|${variant}`;
          runs.set(key, [...(runs.get(key) ?? []), await measure(instance, target, form)]);
        }
      }
    }

    console.log(
      `\nObservability on (request id, access log, duration histogram) against OBSERVABILITY=off — ${new Date().toISOString()}`,
    );
    console.log(
      `${CONNECTIONS} connections, ${SECONDS} s per run, median of ${RUNS}; ${os.cpus().length} cores, load average ${load.toFixed(1)} at start, Node ${process.version}\n`,
    );
    console.log(['target'.padEnd(12), 'variant', 'req/s (median)', 'runs', 'p99 ms', 'statuses', 'errors'].join('  '));
    for (const target of ['book page', 'add-to-cart'] as const) {
      const medians: Record<string, number> = {};
      for (const variant of ['off', 'on']) {
        const list = runs.get(`${target}|${variant}`) ?? [];
        medians[variant] = median(list.map((run) => run.requestsPerSecond));
        const statuses = list.reduce<Record<string, number>>((sum, run) => {
          for (const [code, count] of Object.entries(run.statuses)) sum[code] = (sum[code] ?? 0) + count;
          return sum;
        }, {});
        console.log(
          [
            target.padEnd(12),
            variant.padEnd(7),
            medians[variant]!.toFixed(1).padStart(14),
            list.map((run) => run.requestsPerSecond.toFixed(1)).join(' / '),
            String(median(list.map((run) => run.p99Ms))),
            JSON.stringify(statuses),
            String(list.reduce((sum, run) => sum + run.errors, 0)),
          ].join('  '),
        );
      }
      const ratio = medians.on! / medians.off!;
      console.log(`${target}: on / off = ${ratio.toFixed(3)} (${((ratio - 1) * 100).toFixed(1)} %; target ≥ 0.95)\n`);
      offRequestsPerSecond[target] = medians.off!;
    }

    // What the observer costs, measured where nothing else hides it, then set against each page.
    const alone = await measureObserverAlone(dataDir);
    const [onRps, offRps] = [median(alone.on), median(alone.off)];
    const costMicros = (1 / onRps - 1 / offRps) * 1e6;
    console.log(
      `observer alone (bare node:http, 20 kB page): on ${onRps.toFixed(0)} req/s (${alone.on.map((r) => r.toFixed(0)).join(' / ')}), off ${offRps.toFixed(0)} req/s (${alone.off.map((r) => r.toFixed(0)).join(' / ')}): ${costMicros.toFixed(0)} µs per request`,
    );
    for (const [target, rps] of Object.entries(offRequestsPerSecond))
      console.log(
        `${target}: the observer's ${costMicros.toFixed(0)} µs are ${((costMicros * rps) / 1e4).toFixed(2)} % of its ${(1e6 / rps).toFixed(0)} µs per request`,
      );
  } finally {
    for (const instance of instances) await instance.stop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
