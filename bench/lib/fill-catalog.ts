// Fills a database that has the migrations and the demo catalog with `count` synthetic books,
// through COPY, writing exactly the columns the app writes (derived ones computed by
// lib/catalog/derived-columns.ts, the search document by PostgreSQL). One transaction: secondary
// indexes are dropped, the rows copied, the indexes rebuilt; a failure leaves the database as it was.
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { copyFile, copyLine, openCopy, type Cell } from './copy-rows';
import { ensureReferences } from './catalog-references';
import { seededRandom, syntheticEan } from './synthetic-catalog';
import { BOOK_COLUMNS, SIDE_TABLES, syntheticBook, type SideTable } from './synthetic-book-rows';

const FILLED_TABLES = ['Book', ...Object.keys(SIDE_TABLES), 'Contributor', 'SearchWord'];

export type FillSummary = { books: number; contributors: number; publishers: number; seconds: number };

export async function fillSyntheticCatalog(
  databaseUrl: string,
  count: number,
  log: (message: string) => void = () => {},
): Promise<FillSummary> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'librairie-fill-'));
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    const random = seededRandom(count);
    const refs = await ensureReferences(client, count, random);
    log(
      `${refs.publishers.length} éditeurs, ${refs.contributors.length} contributeurs, ${refs.suppliers.length} distributeurs.`,
    );

    const indexes = await dropSecondaryIndexes(client);
    const firstId = Number((await client.query('SELECT coalesce(max("id"), 0) + 1 AS id FROM "Book"')).rows[0].id);
    const taken = new Set<string>((await client.query('SELECT "ean" FROM "Book"')).rows.map((row) => row.ean));
    const side = Object.fromEntries(
      Object.keys(SIDE_TABLES).map((table) => [table, createWriteStream(path.join(folder, `${table}.copy`))]),
    ) as Record<SideTable, WriteStream>;
    const words = new Map<string, number>();
    const books = openCopy(client, 'Book', BOOK_COLUMNS);
    const now = new Date();
    let eanIndex = firstId * 7;
    for (let i = 0; i < count; i += 1) {
      let ean = syntheticEan(eanIndex++);
      while (taken.has(ean)) ean = syntheticEan(eanIndex++);
      const row = syntheticBook(random, firstId + i, ean, refs, now);
      await books.write(row.book);
      for (const [table, lines] of Object.entries(row.side) as [SideTable, Cell[][]][]) {
        for (const cells of lines) {
          if (!side[table].write(copyLine(cells))) await once(side[table], 'drain');
        }
      }
      for (const word of row.words) words.set(word, (words.get(word) ?? 0) + 1);
      if ((i + 1) % 100_000 === 0) log(`${(i + 1).toLocaleString('fr-FR')} livres écrits…`);
    }
    await books.end();
    for (const [table, stream] of Object.entries(side) as [SideTable, WriteStream][]) {
      stream.end();
      await once(stream, 'finish');
      await copyFile(client, table, SIDE_TABLES[table], path.join(folder, `${table}.copy`));
    }
    await mergeWords(client, words);
    log(`Reconstruction de ${indexes.length} index…`);
    for (const definition of indexes) await client.query(definition);
    await client.query(`SELECT setval(pg_get_serial_sequence('"Book"', 'id'), (SELECT max("id") FROM "Book"))`);
    await client.query('COMMIT');
    log('VACUUM ANALYZE…');
    for (const table of FILLED_TABLES) await client.query(`VACUUM ANALYZE "${table}"`);
    return {
      books: count,
      contributors: refs.contributors.length,
      publishers: refs.publishers.length,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [['Book', ...Object.keys(SIDE_TABLES)]],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows.map((row) => row.definition);
}

async function mergeWords(client: pg.Client, words: Map<string, number>): Promise<void> {
  await client.query('CREATE TEMP TABLE new_word (word text, "bookCount" int) ON COMMIT DROP');
  const copy = openCopy(client, 'new_word', ['word', 'bookCount']);
  for (const [word, bookCount] of words) await copy.write([word, bookCount]);
  await copy.end();
  await client.query(
    `INSERT INTO "SearchWord" ("word", "bookCount") SELECT word, "bookCount" FROM new_word
     ON CONFLICT ("word") DO UPDATE SET "bookCount" = "SearchWord"."bookCount" + excluded."bookCount"`,
  );
}
