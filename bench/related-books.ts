// Related books at a million titles: the plan and the time of the book page's "Du même auteur",
// "Dans la même collection" and "Sur le même thème" (lib/data/related-books.ts).
//
//   npx tsx --conditions=react-server bench/related-books.ts                 # 1,000,000 books, about 5 minutes on 2 cores
//   BENCH_BOOKS=200000 npx tsx --conditions=react-server bench/related-books.ts
//
// Starts its own embedded PostgreSQL in a temporary folder, applies the migrations, loads the demo
// catalog and BENCH_BOOKS synthetic books (bench/lib/synthetic-catalog.ts: skewed themes,
// collections and authors, few books in stock), then for a book in the biggest theme, collection
// and author, a typical book and the seed book: prints the plan of the ids query (EXPLAIN ANALYZE)
// and the time of the whole listRelatedBooks (ids and cards) over repeated calls. Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/lib/embedded-postgres';
import { generatePrismaClientIfStale } from '../scripts/lib/project';
import { runPrisma } from '../scripts/prisma';
import { freePort } from '../scripts/test/database';
import { createPrismaClient } from '../lib/prisma-client';
import { seedDemoCatalog } from '../prisma/seed';
import { SEED_BOOK_EAN } from '../prisma/demo-catalog/seed-book';
import { loadSyntheticCatalog, syntheticCatalogSize } from './lib/synthetic-catalog';

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
     WHERE b."ean" LIKE '990%' AND b."collectionId" IS NOT NULL
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

function spread(durations: number[]): string {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  return `p50 ${at(50)} ms, p95 ${at(95)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
}

async function main() {
  const env = BenchEnvSchema.parse(process.env);
  if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
    throw new Error('Run it with: npx tsx --conditions=react-server bench/related-books.ts (lib/data is server-only).');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'librairie-bench-related-'));
  let server: EmbeddedDatabase | undefined;
  try {
    await generatePrismaClientIfStale();
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'librairie_bench' });
    await runPrisma(['migrate', 'deploy'], { DATABASE_URL: server.url });
    const seeding = createPrismaClient(server.url);
    await seedDemoCatalog(seeding);
    await seeding.$disconnect();
    let started = performance.now();
    const size = syntheticCatalogSize(env.BENCH_BOOKS);
    await loadSyntheticCatalog(server.url, size);
    console.log(
      `Loaded ${size.books.toLocaleString('en')} synthetic books (${size.themes} themes, ${size.collections} collections, ` +
        `${size.contributors} contributors) in ${((performance.now() - started) / 1000).toFixed(0)} s.\n`,
    );

    // The app's own data layer, on this database.
    Object.assign(process.env, {
      DATABASE_URL: server.url,
      SITE_URL: 'http://localhost:3000',
      COOKIE_SECRET: 'bench-related-books-cookie-secret-0123456789',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_related_books',
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
    });
    const { listRelatedBooks, relatedBookIdsQuery } = await import('../lib/data/related-books');
    const { getBookPage } = await import('../lib/data/books');
    const { getDb } = await import('../lib/db');
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
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
          started = performance.now();
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
        console.log(
          plan.rows
            .map((row) => row['QUERY PLAN'])
            .filter((line) => /Scan|Sort|Limit|Loop|Append|Aggregate|Execution|Planning Time/.test(line))
            .map((line) => `  ${line}`)
            .join('\n'),
        );
        console.log('');
      }
    } finally {
      await client.end();
      await getDb().$disconnect();
    }
    console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}, embedded PostgreSQL 18.`);
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
