// Child process of bench/search.ts: the app's searchBooks on one database (lib/data reads the
// environment once per process), against a naive ILIKE scan of the same words. The search cache
// (docs/decisions/033-search-at-a-million-titles.md) is emptied before each measured search: these
// figures are what ranking costs; bench/search-http.ts measures repeated queries too.
import pg from 'pg';
import { QUERIES } from './search-queries';

const url = process.argv[2] as string;
Object.assign(process.env, {
  DATABASE_URL: url,
  SITE_URL: 'http://localhost:3000',
  COOKIE_SECRET: 'benchmark-cookie-secret-0123456789abcdef',
  STRIPE_WEBHOOK_SECRET: 'whsec_benchmark_secret',
  STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
});
const { searchBooks } = await import('../../lib/data/storefront/search');
const { queryWords } = await import('../../lib/search/normalize');
const { parseIsbn } = await import('../../lib/isbn');

const repetitions = Number(process.env.BENCH_REPETITIONS ?? 3);
const app: number[] = [];
const results: {
  q: string;
  ms: number;
  total: number;
  first: string | null;
  expected?: string;
  corrected: string | null;
}[] = [];
const client = new pg.Client({ connectionString: url });
await client.connect();
for (const { q } of QUERIES) await searchBooks(q, 1); // warm-up: plans, pool, caches
for (let r = 0; r < repetitions; r += 1) {
  for (const { q, firstEan } of QUERIES) {
    await client.query('DELETE FROM "SearchResultCache"');
    const started = performance.now();
    const result = await searchBooks(q, 1);
    const ms = performance.now() - started;
    app.push(ms);
    if (r === 0) {
      results.push({
        q,
        ms,
        total: result.total,
        first: result.books[0]?.ean ?? null,
        expected: firstEan,
        corrected: result.correctedQuery,
      });
    }
  }
}

// Baseline: the naive scan (every word as ILIKE '%…%' on searchText, newest first, and a count).
const naive: number[] = [];
for (const { q } of QUERIES) {
  const isbn = parseIsbn(q);
  const words = isbn ? [isbn.ean13] : queryWords(q);
  const column = isbn ? '"ean"' : '"searchText"';
  const where = words.map((_, i) => `${column} ILIKE $${i + 1}`).join(' AND ') || 'false';
  const params = words.map((w) => `%${w}%`);
  const started = performance.now();
  await client.query(
    `SELECT "id" FROM "Book" WHERE ${where} ORDER BY "publishedOn" DESC NULLS LAST, "id" LIMIT 24`,
    params,
  );
  await client.query(`SELECT count(*) FROM "Book" WHERE ${where}`, params);
  naive.push(performance.now() - started);
}
await client.end();
process.stdout.write(JSON.stringify({ app, naive, results }));
process.exit(0);
