// `npm run bench:book-page`: the book page under 50 connections (autocannon) through the
// production setup (`npm run start:cached`: Varnish → the app), against a bare `node:http`
// server sending the same response (headers and body) from memory, measured in the same run
// (target: ≥ 1.0× its requests per second), plain and gzip, three runs and their median; then
// the app alone (Next rendering every request) for reference.
// Starts its own shop (.data/bench/book-page, ports BENCH_PORT…+2, database and emulator of its
// own), removed at the end. docs/decisions/014-front-cache.md
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { missingFrontCachePackages } from '../scripts/front-cache/daemons';
import { buildIfStale, ROOT } from '../scripts/lib/project';
import { percentile } from './lib/percentile';

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BARE_PORT = PORT + 5;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BOOK = '/livre/9782296013681';
const DATA_DIR = '.data/bench/book-page';

type Figures = { name: string; requestsPerSecond: number; p99Ms: number; errors: number; non2xx: number };

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Figures> {
  // A short warm-up (JIT, keep-alive connections), then the measured run.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function startCachedShop(): { ready: Promise<void>; stop: () => Promise<void> } {
  rmSync(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start-cached.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      LIBRAIRIE_DATA_DIR: DATA_DIR,
      EMBEDDED_DB_PORT: String(Number(process.env.BENCH_DB_PORT ?? 24490)),
      STRIPE_EMULATOR_PORT: String(PORT + 3),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = (async () => {
    const deadline = Date.now() + 240_000;
    while (
      !(await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (child.exitCode !== null) throw new Error('npm run start:cached stopped');
      if (Date.now() > deadline) throw new Error('npm run start:cached did not answer within 240 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    ready,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
      rmSync(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
    },
  };
}

/** Headers a server writes per connection or per response, which the bare server writes its own of. */
const OWN_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

/**
 * The page as the front cache serves it, once stored: its bytes as sent, gzip or plain, and its
 * headers (the policy with its hashes, the security headers, Vary…), so that the bare server
 * sends the same response, not only the same body.
 */
async function cachedPage(url: string, gzip: boolean): Promise<{ body: Buffer; headers: http.OutgoingHttpHeaders }> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await rawGet(url, gzip ? { 'Accept-Encoding': 'gzip' } : {});
    if (response.headers['x-cache'] === 'HIT') {
      const headers = Object.fromEntries(
        Object.entries(response.headers).filter(([name]) => !OWN_HEADERS.has(name)),
      ) as http.OutgoingHttpHeaders;
      return { body: response.body, headers };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} is never served from the front cache`);
}

/** One GET, its body as sent (fetch would decompress it). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function bareServer(page: { body: Buffer; headers: http.OutgoingHttpHeaders }, port: number): Promise<http.Server> {
  const server = http.createServer((_, response) => {
    response.writeHead(200, { ...page.headers, 'Content-Length': page.body.length });
    response.end(page.body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const median = (values: number[]) => percentile(values, 50);

function row(figures: Figures, baseline: Figures): string {
  return [
    figures.name.padEnd(44),
    `${Math.round(figures.requestsPerSecond).toLocaleString('fr-FR').padStart(8)} req/s`,
    `p99 ${String(figures.p99Ms).padStart(5)} ms`,
    `${(figures.requestsPerSecond / baseline.requestsPerSecond).toFixed(3)}× bare`,
    figures.errors || figures.non2xx ? `(${figures.errors} errors, ${figures.non2xx} non-2xx)` : '',
  ].join('   ');
}

async function main() {
  const missing = missingFrontCachePackages();
  if (missing) throw new Error(`The front cache needs Debian packages: ${missing}`);
  await buildIfStale();
  const shop = startCachedShop();
  const bare: http.Server[] = [];
  try {
    await shop.ready;
    const url = `http://127.0.0.1:${PORT}${BOOK}`;
    const plain = await cachedPage(url, false);
    const gzipped = await cachedPage(url, true);
    bare.push(await bareServer(plain, BARE_PORT), await bareServer(gzipped, BARE_PORT + 1));

    console.log(
      `Book page ${BOOK}, ${(plain.body.length / 1024).toFixed(1)} kB of HTML (${(gzipped.body.length / 1024).toFixed(1)} kB gzip), ${CONNECTIONS} connections, ${SECONDS} s each, ${RUNS} runs; load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')} on ${os.cpus().length} cores; ${new Date().toISOString()}\n`,
    );
    const gzip = { 'Accept-Encoding': 'gzip' };
    const ratios = { plain: [] as number[], gzip: [] as number[] };
    for (let run = 1; run <= RUNS; run += 1) {
      console.log(`Run ${run}`);
      const barePlain = await measure('bare node:http, same response', `http://127.0.0.1:${BARE_PORT}${BOOK}`);
      const cachedPlain = await measure('Varnish (hit), plain', url);
      const bareGzip = await measure(
        'bare node:http, same gzip response',
        `http://127.0.0.1:${BARE_PORT + 1}${BOOK}`,
        gzip,
      );
      const cachedGzip = await measure('Varnish (hit), gzip', url, gzip);
      for (const [figures, baseline] of [
        [barePlain, barePlain],
        [cachedPlain, barePlain],
        [bareGzip, bareGzip],
        [cachedGzip, bareGzip],
      ] as const) {
        console.log(row(figures, baseline));
      }
      ratios.plain.push(cachedPlain.requestsPerSecond / barePlain.requestsPerSecond);
      ratios.gzip.push(cachedGzip.requestsPerSecond / bareGzip.requestsPerSecond);
    }
    const alone = await measure('the app alone (Next renders each)', `http://127.0.0.1:${PORT + 2}${BOOK}`);
    console.log(`\nFor reference, ${row(alone, alone).replace(/ {3}1\.000× bare.*$/, '')}`);
    const list = (values: number[]) => values.map((value) => value.toFixed(3)).join(' / ');
    console.log(
      `\nFront cache / bare server, plain: ${list(ratios.plain)}, median ${median(ratios.plain).toFixed(3)} (target ≥ 1.0)`,
    );
    console.log(
      `Front cache / bare server, gzip:  ${list(ratios.gzip)}, median ${median(ratios.gzip).toFixed(3)} (target ≥ 1.0)`,
    );
  } finally {
    for (const server of bare) server.close();
    await shop.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
