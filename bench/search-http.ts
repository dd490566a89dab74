// `npm run bench:search-http`: /recherche over HTTP against the built shop at 1,000,000 titles
// (BENCH_BOOKS), the 30 queries of bench/lib/search-queries.ts each requested BENCH_REPETITIONS
// times per run, each followed by GET /api/health (the baseline: the same server, connection and
// load, no page). Three runs (BENCH_RUNS); each prints search p50/p95 and health p50, and the
// row is the median of the runs: search p95 / health p50 and the absolute p95 (goal ≤ 30 ms).
// Each run first empties the search cache (lib/data/storefront/search-cache.ts) and requests
// every query once: those first requests (rankings computed) are reported apart from the
// repeated ones (rankings read from the cache). The right book first (firstEan) and the typo
// corrections are checked on the HTML.
import os from 'node:os';
import pg from 'pg';
import { buildIfStale } from '../scripts/lib/project';
import { startBuiltShop } from './lib/built-shop';
import { percentile } from './lib/percentile';
import { withCatalog } from './lib/scratch-catalog';
import { QUERIES } from './lib/search-queries';

const BOOKS = Number(process.env.BENCH_BOOKS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3700);
const DB_PORT = Number(process.env.BENCH_DB_PORT ?? 24600);

type Page = { ms: number; html: string };
type Run = { search: number[]; first: number[]; health: number[]; byQuery: Map<string, number[]> };

async function get(port: number, pathAndQuery: string): Promise<Page> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${pathAndQuery}`);
  const html = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${pathAndQuery}: HTTP ${response.status}`);
  return { ms, html };
}

const searchPath = (q: string) => `/recherche?q=${encodeURIComponent(q)}`;

/** The first book of the results (the list labelled "Résultats de la recherche"). */
function firstResultEan(html: string): string | null {
  const list = html.indexOf('Résultats de la recherche');
  if (list < 0) return null;
  return /href="\/livre\/(\d{13})"/.exec(html.slice(list))?.[1] ?? null;
}

function correction(html: string): string | null {
  return /Résultats pour «(?:\s|<!-- -->)*<a [^>]*>([^<]+)<\/a>/.exec(html)?.[1] ?? null;
}

async function emptySearchCache(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DELETE FROM "SearchResultCache"');
  } finally {
    await client.end();
  }
}

async function measureRun(port: number, url: string): Promise<Run> {
  const run: Run = { search: [], first: [], health: [], byQuery: new Map(QUERIES.map(({ q }) => [q, []])) };
  await emptySearchCache(url);
  for (const { q } of QUERIES) {
    run.first.push((await get(port, searchPath(q))).ms);
    run.health.push((await get(port, '/api/health')).ms);
  }
  for (let r = 0; r < REPETITIONS; r += 1) {
    for (const { q } of QUERIES) {
      const { ms } = await get(port, searchPath(q));
      run.search.push(ms);
      run.byQuery.get(q)?.push(ms);
      run.health.push((await get(port, '/api/health')).ms);
    }
  }
  return run;
}

const median = (values: number[]) => percentile(values, 50);
const fmt = (ms: number) => ms.toFixed(1).padStart(6);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function measure(url: string) {
  const stop = await startBuiltShop(url, APP_PORT);
  try {
    // Warm-up: the server's code, the database's caches and plans, the pool.
    for (let i = 0; i < 2; i += 1) {
      for (const { q } of QUERIES) await get(APP_PORT, searchPath(q));
      for (let h = 0; h < 10; h += 1) await get(APP_PORT, '/api/health');
    }
    console.log(`\nRecherche sur ${BOOKS.toLocaleString('fr-FR')} titres — résultats (HTML) :`);
    let wrong = 0;
    for (const { q, firstEan } of QUERIES) {
      const { html } = await get(APP_PORT, searchPath(q));
      const first = firstResultEan(html);
      const corrected = correction(html);
      const check = firstEan ? (first === firstEan ? ' ✓ bon livre en tête' : ` ✗ attendu ${firstEan}`) : '';
      if (firstEan && first !== firstEan) wrong += 1;
      console.log(
        `  ${q.padEnd(40)} ${(first ?? '—').padEnd(13)}${corrected ? ` (corrigé : ${corrected})` : ''}${check}`,
      );
    }
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const before = load();
      const run = await measureRun(APP_PORT, url);
      runs.push(run);
      const [p50, p95, health] = [percentile(run.search, 50), percentile(run.search, 95), median(run.health)];
      console.log(
        `Passe ${i + 1} : recherche p50 ${fmt(p50)} ms  p95 ${fmt(p95)} ms   /api/health p50 ${fmt(health)} ms` +
          `   p95/health ×${(p95 / health).toFixed(1)}   premières requêtes p50 ${fmt(percentile(run.first, 50))} ms` +
          `  p95 ${fmt(percentile(run.first, 95))} ms   charge ${before} → ${load()}`,
      );
    }
    return { runs, wrong };
  } finally {
    await stop();
  }
}

async function main() {
  await buildIfStale();
  const { runs, wrong } = await withCatalog(BOOKS, DB_PORT, measure);
  console.log(`\nMédiane par requête (${RUNS} × ${REPETITIONS} requêtes), ms :`);
  const rows = QUERIES.map(({ q }) => ({ q, ms: median(runs.flatMap((run) => run.byQuery.get(q) ?? [])) }));
  for (const { q, ms } of rows.sort((a, b) => b.ms - a.ms)) console.log(`  ${q.padEnd(40)} ${fmt(ms)}`);
  const p95 = median(runs.map((run) => percentile(run.search, 95)));
  const p50 = median(runs.map((run) => percentile(run.search, 50)));
  const health = median(runs.map((run) => median(run.health)));
  const ratio = median(runs.map((run) => percentile(run.search, 95) / median(run.health)));
  const firstP50 = median(runs.map((run) => percentile(run.first, 50)));
  const firstP95 = median(runs.map((run) => percentile(run.first, 95)));
  const firstRatio = median(runs.map((run) => percentile(run.first, 95) / median(run.health)));
  console.log(
    `\nRecherche HTTP — ${new Date().toISOString()}, ${BOOKS.toLocaleString('fr-FR')} titres, ` +
      `${os.cpus().length} cœurs, charge ${load()}, médiane de ${RUNS} passes`,
  );
  console.log(
    `recherche p50 ${fmt(p50)} ms  p95 ${fmt(p95)} ms (objectif ≤ 30)   /api/health p50 ${fmt(health)} ms` +
      `   p95 / health p50 ×${ratio.toFixed(1)}   ${wrong === 0 ? 'bons livres en tête' : `${wrong} mauvais livre(s) en tête`}`,
  );
  console.log(
    `premières requêtes (cache vide) p50 ${fmt(firstP50)} ms  p95 ${fmt(firstP95)} ms   p95 / health p50 ×${firstRatio.toFixed(1)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
