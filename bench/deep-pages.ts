// `npm run bench:deep-pages`: a listing's deep pages against its first page, over HTTP against
// the built shop at a million titles (BENCH_BOOKS). Numbered pages stop at LAST_NUMBERED_PAGE
// (`/livres?page=200` shows that page); past it "Page suivante" carries the last book's key
// (`?apres=`, lib/validation/listing-key.ts). Printed: each page's p50 in three runs, their
// median, and its ratio to the first page of the same listing in the same runs (target ≤ 1.2×,
// and ≤ 60 ms); then the ids query of a page at growing depths, OFFSET against key, in SQL alone.
// Pages are requested in turn, one of each per round, so the machine's load weighs on all alike.
import os from 'node:os';
import pg from 'pg';
import { z } from 'zod';
import { buildIfStale } from '../scripts/lib/project';
import { freePort } from '../scripts/test/database';
import { listingIdsQuery } from '../lib/data/storefront/listing-ids';
import { LAST_NUMBERED_PAGE } from '../lib/shop/config';
import type { CatalogSort } from '../lib/validation/catalog-query';
import { encodeListingKey } from '../lib/validation/listing-key';
import { startBuiltShop } from './lib/built-shop';
import { percentile } from './lib/percentile';
import { withCatalog } from './lib/scratch-catalog';

const BenchEnvSchema = z.object({
  BENCH_BOOKS: z.coerce.number().int().min(10_000).max(5_000_000).default(1_000_000),
  BENCH_REQUESTS: z.coerce.number().int().min(5).max(500).default(20),
});

const RUNS = 3;
const PAGE_SIZE = 24;

type Measured = { label: string; url: string; baseline: string };

/** The `?apres=` URL of the book at `offset` of a listing, as "Page suivante" would write it. */
async function keyAt(client: pg.Client, base: string, sort: CatalogSort, offset: number): Promise<string> {
  const query = listingIdsQuery({}, sort, { offset }, 1);
  const { rows } = await client.query<{ id: number; key: string | number | null }>(query.text, query.values);
  const row = rows[0];
  if (!row) throw new Error(`no book at ${offset} in ${sort}`);
  const separator = base.includes('?') ? '&' : '?';
  return `${base}${separator}apres=${encodeListingKey({ value: row.key, id: row.id })}`;
}

/** The "Page suivante" link of a page, as a reader or a crawler follows it. */
async function nextLink(port: number, url: string): Promise<string> {
  const html = await (await fetch(`http://127.0.0.1:${port}${url}`)).text();
  const anchor = /<a[^>]*rel="next"[^>]*>/.exec(html)?.[0];
  const href = anchor && /href="([^"]+)"/.exec(anchor)?.[1];
  if (!href) throw new Error(`${url}: no "Page suivante"`);
  return href.replaceAll('&amp;', '&');
}

async function pagesToMeasure(client: pg.Client, port: number, books: number): Promise<Measured[]> {
  const middle = Math.floor(books / 2);
  const afterLastNumbered = await nextLink(port, `/livres?page=${LAST_NUMBERED_PAGE}`);
  return [
    { label: 'page 1', url: '/livres', baseline: '/livres' },
    { label: 'page=200 (shows the last numbered)', url: '/livres?page=200', baseline: '/livres' },
    { label: `page=${LAST_NUMBERED_PAGE}`, url: `/livres?page=${LAST_NUMBERED_PAGE}`, baseline: '/livres' },
    { label: `its "Page suivante" (by key)`, url: afterLastNumbered, baseline: '/livres' },
    { label: `by key, book ${middle}`, url: await keyAt(client, '/livres', 'nouveautes', middle), baseline: '/livres' },
    { label: 'titre, page 1', url: '/livres?tri=titre', baseline: '/livres?tri=titre' },
    {
      label: `titre, by key, book ${middle}`,
      url: await keyAt(client, '/livres?tri=titre', 'titre', middle),
      baseline: '/livres?tri=titre',
    },
    {
      label: 'prix-decroissant, page 1',
      url: '/livres?tri=prix-decroissant',
      baseline: '/livres?tri=prix-decroissant',
    },
    {
      label: `prix-decroissant, by key, book ${middle}`,
      url: await keyAt(client, '/livres?tri=prix-decroissant', 'prix-decroissant', middle),
      baseline: '/livres?tri=prix-decroissant',
    },
    { label: 'theme droit, page 1', url: '/theme/droit', baseline: '/theme/droit' },
    {
      label: `theme droit, "Page suivante" of page ${LAST_NUMBERED_PAGE}`,
      url: await nextLink(port, `/theme/droit?page=${LAST_NUMBERED_PAGE}`),
      baseline: '/theme/droit',
    },
  ];
}

async function fetchMs(port: number, url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${url}`);
  await response.text();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

/** p50 of each page in one run: `requests` rounds, each page once per round, after 3 warm-up rounds. */
async function run(port: number, pages: Measured[], requests: number): Promise<Map<string, number>> {
  const times = new Map<string, number[]>(pages.map((p) => [p.url, []]));
  for (let round = 0; round < requests + 3; round += 1) {
    for (const page of pages) {
      const ms = await fetchMs(port, page.url);
      if (round >= 3) times.get(page.url)!.push(ms);
    }
  }
  return new Map([...times].map(([url, list]) => [url, percentile(list, 50)]));
}

/** The ids query alone (EXPLAIN ANALYZE's execution time) at growing depths, by OFFSET and by key. */
async function sqlByDepth(client: pg.Client, books: number) {
  console.log(`\nRequête des ids seule (EXPLAIN ANALYZE, nouveautés, ${PAGE_SIZE + 1} lignes), ms`);
  console.log(`${'livre'.padStart(10)} ${'OFFSET'.padStart(10)} ${'clé'.padStart(10)}`);
  for (const offset of [0, (LAST_NUMBERED_PAGE - 1) * PAGE_SIZE, 199 * PAGE_SIZE, books / 10, books / 2]) {
    const time = async (query: { text: string; values: unknown[] }) => {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${query.text}`, query.values);
      return Number(/Execution Time: ([\d.]+)/.exec(rows.at(-1)!['QUERY PLAN'])?.[1]);
    };
    const before = listingIdsQuery({}, 'nouveautes', { offset: Math.max(0, offset - 1) }, 1);
    const { rows } = await client.query<{ id: number; key: string | null }>(before.text, before.values);
    const after = offset === 0 ? { value: '9999-12-31', id: 0 } : { value: rows[0]!.key, id: rows[0]!.id };
    const byOffset = await time(listingIdsQuery({}, 'nouveautes', { offset }, PAGE_SIZE + 1));
    const byKey = await time(listingIdsQuery({}, 'nouveautes', { after }, PAGE_SIZE + 1));
    console.log(`${String(offset).padStart(10)} ${byOffset.toFixed(2).padStart(10)} ${byKey.toFixed(2).padStart(10)}`);
  }
}

async function main() {
  const env = BenchEnvSchema.parse(process.env);
  await buildIfStale();
  const port = Number(process.env.BENCH_APP_PORT ?? 3474);
  await withCatalog(env.BENCH_BOOKS, await freePort(), async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stop = await startBuiltShop(url, port);
    try {
      const pages = await pagesToMeasure(client, port, env.BENCH_BOOKS);
      const runs: Map<string, number>[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await run(port, pages, env.BENCH_REQUESTS));
      const median = (u: string) =>
        percentile(
          runs.map((r) => r.get(u)!),
          50,
        );
      console.log(
        `\nPages profondes — ${new Date().toISOString()}, ${env.BENCH_BOOKS.toLocaleString('fr-FR')} livres, charge ` +
          `${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}, ${RUNS} séries de ${env.BENCH_REQUESTS} requêtes par page, en alternance`,
      );
      console.log(
        `${'page'.padEnd(48)} ${'p50 des 3 séries, ms'.padEnd(24)} ${'médiane'.padStart(8)} ${'× page 1'.padStart(9)}`,
      );
      for (const page of pages) {
        const each = runs.map((r) => r.get(page.url)!.toFixed(1)).join(' / ');
        const ratio = percentile(
          runs.map((r) => r.get(page.url)! / r.get(page.baseline)!),
          50,
        );
        console.log(
          `${page.label.slice(0, 48).padEnd(48)} ${each.padEnd(24)} ${median(page.url).toFixed(1).padStart(8)} ${ratio.toFixed(2).padStart(9)}`,
        );
      }
      await sqlByDepth(client, env.BENCH_BOOKS);
    } finally {
      await stop();
      await client.end();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
