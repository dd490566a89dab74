// `npm run bench:listings`: the pages a reader browses, over HTTP against the built shop, at
// 1,000 and 1,000,000 titles (BENCH_SIZES): median and p95 latency, HTML size, and the ratio of
// the big catalog to the small one measured in the same run (target: ≤ 1.2×, /livres ≤ 60 kB).
import os from 'node:os';
import { buildIfStale } from '../scripts/lib/project';
import { startBuiltShop } from './lib/built-shop';
import { percentile } from './lib/percentile';
import { sizesFrom, withCatalog } from './lib/scratch-catalog';

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
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);

type PageFigures = { p50: number; p95: number; kB: number };

async function fetchPage(port: number, page: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${page}`);
  const body = await response.text();
  if (!response.ok) throw new Error(`${page}: HTTP ${response.status}`);
  return { ms: performance.now() - started, bytes: Buffer.byteLength(body) };
}

/**
 * Both shops run at once and each page is requested from one then the other, in turn: the
 * load of a shared machine weighs on both sides of the ratio alike.
 */
async function measureBoth(small: number, big: number) {
  const figures = new Map<string, { small: PageFigures; big: PageFigures }>();
  for (const page of PAGES) {
    const times = { small: [] as number[], big: [] as number[] };
    const bytes = { small: 0, big: 0 };
    for (let i = 0; i < REQUESTS + 3; i += 1) {
      for (const [side, port] of [
        ['small', small],
        ['big', big],
      ] as const) {
        const { ms, bytes: size } = await fetchPage(port, page);
        if (i >= 3) times[side].push(ms);
        bytes[side] = size;
      }
    }
    const summary = (side: 'small' | 'big') => ({
      p50: percentile(times[side], 50),
      p95: percentile(times[side], 95),
      kB: bytes[side] / 1000,
    });
    figures.set(page, { small: summary('small'), big: summary('big') });
  }
  return figures;
}

async function main() {
  await buildIfStale();
  const [smallSize, bigSize] = sizesFrom(process.env.BENCH_SIZES, [1_000, 1_000_000]) as [number, number];
  const appPorts = [Number(process.env.BENCH_APP_PORT ?? 3464), Number(process.env.BENCH_APP_PORT ?? 3464) + 1];
  const dbPort = Number(process.env.BENCH_DB_PORT ?? 24464);
  const figures = await withCatalog(smallSize, dbPort, (smallUrl) =>
    withCatalog(bigSize, dbPort + 1, async (bigUrl) => {
      const stopSmall = await startBuiltShop(smallUrl, appPorts[0] as number);
      const stopBig = await startBuiltShop(bigUrl, appPorts[1] as number);
      try {
        return await measureBoth(appPorts[0] as number, appPorts[1] as number);
      } finally {
        await Promise.all([stopSmall(), stopBig()]);
      }
    }),
  );
  console.log(
    `\nPages — ${new Date().toISOString()}, charge ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ` + `${REQUESTS} requêtes par page et par catalogue, en alternance`,
  );
  console.log(
    `${'page'.padEnd(60)} ${`${smallSize} p50`.padStart(10)} ${`${bigSize} p50`.padStart(12)} ${'× p50'.padStart(6)}` +
      ` ${`${smallSize} p95`.padStart(10)} ${`${bigSize} p95`.padStart(12)} ${'× p95'.padStart(6)} ${'HTML kB'.padStart(8)}`,
  );
  for (const page of PAGES) {
    const f = figures.get(page);
    if (!f) continue;
    const { small, big } = f;
    console.log(
      `${page.slice(0, 60).padEnd(60)} ${small.p50.toFixed(1).padStart(10)} ${big.p50.toFixed(1).padStart(12)} ` +
        `${(big.p50 / small.p50).toFixed(2).padStart(6)} ${small.p95.toFixed(1).padStart(10)} ${big.p95.toFixed(1).padStart(12)} ` +
        `${(big.p95 / small.p95).toFixed(2).padStart(6)} ${big.kB.toFixed(0).padStart(8)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
