// `npm run bench:listings`: the pages a reader browses, over HTTP against the built shop, at
// 1,000 and 1,000,000 titles (BENCH_SIZES): median and p95 latency, HTML size, and the ratio of
// the big catalog to the small one measured in the same run (target: ≤ 1.2×, /livres ≤ 60 kB).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale, ROOT } from '../scripts/lib/project';
import { percentile, sizesFrom, withCatalog } from './lib/scratch-catalog';

const PAGES = [
  '/',
  '/livres',
  '/livres?tri=titre',
  '/livres?tri=prix-croissant&disponibilite=en-stock',
  '/livres?page=40',
  '/theme/droit',
  '/theme/droit/droit-administratif/action-de-l-administration/ouvrages-generaux',
  '/editeur/l-harmattan',
  '/collection/reperes',
  '/auteur/fabrice-dhume-sonzogni',
  '/livre/9782296013681',
];
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 15);

type PageFigures = { p50: number; p95: number; kB: number };

async function startShop(databaseUrl: string, port: number) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SITE_URL: `http://localhost:${port}`,
        COOKIE_SECRET: 'benchmark-cookie-secret-0123456789abcdef',
        STRIPE_WEBHOOK_SECRET: 'whsec_benchmark_secret',
        STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

async function measurePages(databaseUrl: string, port: number): Promise<Map<string, PageFigures>> {
  const stop = await startShop(databaseUrl, port);
  const figures = new Map<string, PageFigures>();
  try {
    for (const page of PAGES) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS + 3; i += 1) {
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}${page}`);
        const body = await response.text();
        if (!response.ok) throw new Error(`${page}: HTTP ${response.status}`);
        if (i >= 3) times.push(performance.now() - started);
        bytes = Buffer.byteLength(body);
      }
      figures.set(page, { p50: percentile(times, 50), p95: percentile(times, 95), kB: bytes / 1000 });
    }
  } finally {
    await stop();
  }
  return figures;
}

async function main() {
  await buildIfStale();
  const sizes = sizesFrom(process.env.BENCH_SIZES, [1_000, 1_000_000]);
  const results: [number, Map<string, PageFigures>][] = [];
  let dbPort = Number(process.env.BENCH_DB_PORT ?? 54464);
  let appPort = Number(process.env.BENCH_APP_PORT ?? 3464);
  for (const size of sizes)
    results.push([size, await withCatalog(size, dbPort++, (url) => measurePages(url, appPort++))]);
  const [small, big] = [results[0], results.at(-1)];
  if (!small || !big) return;
  console.log(
    `\nPages — ${new Date().toISOString()}, charge ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${REQUESTS} requêtes par page`,
  );
  console.log(
    `${'page'.padEnd(72)} ${`${small[0]} p50`.padStart(12)} ${`${big[0]} p50`.padStart(14)} ${'× p50'.padStart(7)} ${`${big[0]} p95`.padStart(14)} ${'HTML kB'.padStart(9)}`,
  );
  for (const page of PAGES) {
    const a = small[1].get(page);
    const b = big[1].get(page);
    if (!a || !b) continue;
    console.log(
      `${page.padEnd(72)} ${a.p50.toFixed(1).padStart(12)} ${b.p50.toFixed(1).padStart(14)} ${(b.p50 / a.p50).toFixed(2).padStart(7)} ${b.p95.toFixed(1).padStart(14)} ${b.kB.toFixed(0).padStart(9)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
