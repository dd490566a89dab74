// `npm run bench:book-page`: the book page under 50 connections (autocannon) through the
// production setup (`npm run start:cached`: nginx → Varnish → the app), against a bare
// `node:http` server sending the same bytes, measured in the same run (target: ≥ 0.5× its
// requests per second); and the app alone (Next rendering every request) for reference.
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

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BARE_PORT = PORT + 5;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BOOK = '/livre/9782296013681';
const DATA_DIR = '.data/bench/book-page';

type Figures = { name: string; requestsPerSecond: number; p99Ms: number; errors: number; non2xx: number };

async function measure(name: string, url: string): Promise<Figures> {
  // A short warm-up (JIT, keep-alive connections), then the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
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

/** The page as the front cache stores it: fetched until it is a hit. */
async function cachedPage(url: string): Promise<{ body: Buffer; contentType: string }> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await fetch(url);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.headers.get('x-cache') === 'HIT') {
      return { body, contentType: response.headers.get('content-type') ?? 'text/html' };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} is never served from the front cache`);
}

function row(figures: Figures, baseline: Figures): string {
  return [
    figures.name.padEnd(38),
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
  let bare: http.Server | undefined;
  try {
    await shop.ready;
    const page = await cachedPage(`http://127.0.0.1:${PORT}${BOOK}`);
    bare = http.createServer((_, response) => {
      response.writeHead(200, { 'Content-Type': page.contentType, 'Content-Length': page.body.length });
      response.end(page.body);
    });
    await new Promise<void>((resolve) => bare!.listen(BARE_PORT, '127.0.0.1', resolve));

    console.log(
      `Book page ${BOOK}, ${(page.body.length / 1024).toFixed(1)} kB of HTML, ${CONNECTIONS} connections, ${SECONDS} s each; load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')} on ${os.cpus().length} cores\n`,
    );
    const baseline = await measure('bare node:http, same bytes', `http://127.0.0.1:${BARE_PORT}${BOOK}`);
    const cached = await measure('nginx → Varnish (hit) → app', `http://127.0.0.1:${PORT}${BOOK}`);
    const alone = await measure('the app alone (Next renders each)', `http://127.0.0.1:${PORT + 2}${BOOK}`);
    for (const figures of [baseline, cached, alone]) console.log(row(figures, baseline));
    const ratio = cached.requestsPerSecond / baseline.requestsPerSecond;
    console.log(`\nFront cache / bare server: ${ratio.toFixed(3)} (target ≥ 0.5)`);
  } finally {
    bare?.close();
    await shop.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
