// `npm run bench:related`: the plan and the time of the book page's "Du même auteur", "Dans la
// même collection" and "Sur le même thème" (lib/data/storefront/related-books.ts) at a million titles.
//
//   npm run bench:related                      # 1,000,000 books (the fill takes most of the time)
//   BENCH_BOOKS=100000 npm run bench:related
//
// The catalog comes from bench/lib/scratch-catalog.ts (a scratch embedded PostgreSQL filled by
// fill-catalog.ts, or BENCH_DATABASE_<size> if given), vacuumed as autovacuum would leave it. For
// a book of the biggest author in a big theme and collection, a book of an author with 3 to 10
// books and the seed book: the sizes of their theme, collection and author, the EXPLAIN ANALYZE
// plan of the ids query, and the time of that query and of the whole listRelatedBooks (ids and
// cards) over repeated calls. Asserts nothing.
import os from 'node:os';
import pg from 'pg';
import { z } from 'zod';
import { freePort } from '../scripts/test/database';
import { SEED_BOOK_EAN } from '../prisma/demo-catalog/seed-book';
import { withCatalog } from './lib/scratch-catalog';

const BenchEnvSchema = z.object({
  BENCH_BOOKS: z.coerce
    .number({ error: 'BENCH_BOOKS must be a number of synthetic books (e.g. 1000000).' })
    .int()
    .min(1_000, 'BENCH_BOOKS must be at least 1000.')
    .max(5_000_000, 'BENCH_BOOKS must be at most 5000000.')
    .default(1_000_000),
});

const CALLS = 200;

type Sample = { label: string; bookId: number };

/** A book of the biggest author in a big theme and collection (the worst case), a middle one, the seed book. */
async function pickSamples(client: pg.Client): Promise<Sample[]> {
  const { rows: worst } = await client.query<{ id: number }>(`
    WITH author AS (SELECT "contributorId" AS id FROM "BookContributor" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1),
         themes AS (SELECT "themeId" AS id, count(*) AS n FROM "Book" GROUP BY 1),
         collections AS (SELECT "collectionId" AS id, count(*) AS n FROM "Book" GROUP BY 1)
    SELECT b."id" FROM "Book" b
      JOIN "BookContributor" bc ON bc."bookId" = b."id" AND bc."contributorId" = (SELECT id FROM author)
      JOIN themes t ON t.id = b."themeId"
      JOIN collections c ON c.id = b."collectionId"
     ORDER BY t.n + c.n DESC
     LIMIT 1`);
  const { rows: typical } = await client.query<{ id: number }>(`
    SELECT b."id" FROM "Book" b JOIN "BookContributor" bc ON bc."bookId" = b."id" AND bc."position" = 0
     WHERE b."collectionId" IS NOT NULL
       AND (SELECT count(*) FROM "BookContributor" x WHERE x."contributorId" = bc."contributorId") BETWEEN 3 AND 10
     ORDER BY b."id" DESC LIMIT 1`);
  const { rows: seed } = await client.query<{ id: number }>(`SELECT "id" FROM "Book" WHERE "ean" = $1`, [
    SEED_BOOK_EAN,
  ]);
  return [
    { label: 'biggest theme, author and a big collection', bookId: worst[0]!.id },
    { label: 'a book whose author has 3 to 10 books', bookId: typical[0]!.id },
    { label: 'seed book (demo catalog)', bookId: seed[0]!.id },
  ];
}

async function sizesOf(client: pg.Client, bookId: number) {
  const { rows } = await client.query<{ theme: number; collection: number; author: number }>(
    `SELECT (SELECT count(*) FROM "Book" WHERE "themeId" = b."themeId")::int AS "theme",
            (SELECT count(*) FROM "Book" WHERE "collectionId" = b."collectionId")::int AS "collection",
            (SELECT max(n) FROM (SELECT count(*) AS n FROM "BookContributor" x
               WHERE x."contributorId" IN (SELECT "contributorId" FROM "BookContributor" WHERE "bookId" = b."id")
               GROUP BY x."contributorId") t)::int AS "author"
       FROM "Book" b WHERE b."id" = $1`,
    [bookId],
  );
  return rows[0]!;
}

/**
 * The same query's plan without this feature's indexes (migration 20261202200000): dropped in a
 * transaction that is rolled back, the contributor index they replaced put back meanwhile.
 */
async function planWithoutRelatedIndexes(client: pg.Client, query: { text: string; values: unknown[] }) {
  await client.query('BEGIN');
  try {
    for (const statement of [
      'DROP INDEX "Book_listed_collection_availability_idx"',
      'DROP INDEX "Book_listed_theme_availability_idx"',
      'DROP INDEX "BookContributor_contributorId_role_bookId_idx"',
      'CREATE INDEX "BookContributor_contributorId_idx" ON "BookContributor"("contributorId")',
    ])
      await client.query(statement);
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) ${query.text}`,
      query.values,
    );
    return plan.rows.map((row) => row['QUERY PLAN']);
  } finally {
    await client.query('ROLLBACK');
  }
}

const planLines = (lines: string[]) =>
  lines
    .filter((line) => /Scan|Sort|Limit|Loop|Append|Aggregate|Execution|Planning Time/.test(line))
    .map((line) => `  ${line}`)
    .join('\n');

function spread(durations: number[]): string {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  return `p50 ${at(50)} ms, p95 ${at(95)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
}

async function main() {
  const env = BenchEnvSchema.parse(process.env);
  if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
    throw new Error('Run it with npm run bench:related (lib/data is server-only: --conditions=react-server).');
  }
  await withCatalog(env.BENCH_BOOKS, await freePort(), async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // The app's own data layer, on this database.
    Object.assign(process.env, {
      DATABASE_URL: url,
      SITE_URL: 'http://localhost:3000',
      COOKIE_SECRET: 'bench-related-books-cookie-secret-0123456789',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_related_books',
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
    });
    const { listRelatedBooks, relatedBookIdsQuery } = await import('../lib/data/storefront/related-books');
    const { getBookPage } = await import('../lib/data/storefront/books');
    const { getDb } = await import('../lib/db');
    try {
      // Statistics and the visibility map as autovacuum would leave them (index-only scans).
      await client.query('VACUUM ANALYZE "Book", "BookContributor"');
      const { rows: counts } = await client.query<{ books: number }>('SELECT count(*)::int AS "books" FROM "Book"');
      console.log(`${counts[0]!.books.toLocaleString('en')} books; load average ${os.loadavg()[0]!.toFixed(1)}.\n`);
      for (const sample of await pickSamples(client)) {
        const { rows } = await client.query<{ ean: string }>(`SELECT "ean" FROM "Book" WHERE "id" = $1`, [
          sample.bookId,
        ]);
        const keys = (await getBookPage(rows[0]!.ean))!.relatedKeys;
        const sizes = await sizesOf(client, sample.bookId);
        const query = relatedBookIdsQuery(keys);
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${query.text}`,
          query.values,
        );
        const idsDurations: number[] = [];
        const durations: number[] = [];
        let cards = 0;
        for (let call = 0; call < CALLS; call += 1) {
          let started = performance.now();
          await getDb().$queryRaw(relatedBookIdsQuery(keys));
          idsDurations.push(performance.now() - started);
          started = performance.now();
          const related = await listRelatedBooks(keys);
          durations.push(performance.now() - started);
          cards = related.byAuthor.length + related.inCollection.length + related.onTheme.length;
        }
        console.log(
          `── ${sample.label}: theme of ${sizes.theme} books, collection of ${sizes.collection}, author of ${sizes.author}`,
        );
        console.log(`ids query alone, ${CALLS} calls: ${spread(idsDurations)}`);
        console.log(`listRelatedBooks (ids + ${cards} cards), ${CALLS} calls: ${spread(durations)}`);
        console.log('Plan of the ids query (EXPLAIN ANALYZE, before the timed calls):');
        console.log(planLines(plan.rows.map((row) => row['QUERY PLAN'])));
        console.log("The same without the related rows' indexes (listings' indexes only):");
        console.log(planLines(await planWithoutRelatedIndexes(client, query)));
        console.log('');
      }
    } finally {
      await client.end();
      await getDb().$disconnect();
    }
  });
  console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}, embedded PostgreSQL 18.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
