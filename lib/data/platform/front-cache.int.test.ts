import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { openTestDatabase } from '@/scripts/test/test-database';
import { transactOrThrow } from './transactions';

const db = openTestDatabase();
let frontCache: typeof import('./front-cache');

/** A stand-in for Varnish: records the tags of each PURGE, answers `status`. */
const purged: string[][] = [];
let status = 200;
const cache = http.createServer((request, response) => {
  if (request.method === 'PURGE') purged.push(String(request.headers['xkey-purge'] ?? '').split(' '));
  response.writeHead(status).end();
});
let cacheUrl = '';

beforeAll(async () => {
  frontCache = await import('./front-cache');
  await new Promise<void>((resolve) => cache.listen(0, '127.0.0.1', resolve));
  cacheUrl = `http://127.0.0.1:${(cache.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => cache.close(() => resolve())));

async function rowsFor(tag: string) {
  return db.$queryRaw<{ dueInMs: number }[]>`
    SELECT round(extract(epoch FROM "dueAt" - now()) * 1000)::int AS "dueInMs"
    FROM "FrontCachePurge" WHERE "tag" = ${tag} ORDER BY "dueAt"`;
}

describe('the purges the database writes', () => {
  it('a change of the copies on hand purges the book, now and 5 s later; a hold does not', async () => {
    const book = await createTestBook(db, { onHand: 2, withSupplier: true });
    const tag = `livre-${book.ean}`;
    await db.frontCachePurge.deleteMany({ where: { tag } });

    await db.stockLevel.update({ where: { bookId: book.id }, data: { held: { increment: 1 } } });
    expect(await rowsFor(tag)).toEqual([]);

    await db.stockLevel.update({ where: { bookId: book.id }, data: { onHand: { decrement: 1 } } });
    const rows = await rowsFor(tag);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.dueInMs).toBeLessThanOrEqual(0);
    expect(rows[1]!.dueInMs).toBeGreaterThan(3_000);
  });

  it('a book changed purges its page and the listings; the shop settings purge "reglages"', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    await db.frontCachePurge.deleteMany({ where: { tag: { in: [`livre-${book.ean}`, 'listes', 'reglages'] } } });
    await db.book.update({ where: { id: book.id }, data: { publisherPriceCents: { increment: 100 } } });
    expect(await rowsFor(`livre-${book.ean}`)).toHaveLength(2);
    expect(await rowsFor('listes')).toHaveLength(2);

    await db.$executeRaw`UPDATE "ShopSettings" SET "tagline" = "tagline"`;
    expect(await rowsFor('reglages')).toHaveLength(2);
  });

  it('a transaction touching many books writes each tag once per due time', async () => {
    const books = await Promise.all([1, 2, 3].map(() => createTestBook(db, { onHand: 1, withSupplier: true })));
    await db.frontCachePurge.deleteMany({ where: { tag: 'listes' } });
    await transactOrThrow(
      async (tx) => {
        for (const book of books) await tx.book.update({ where: { id: book.id }, data: { featured: true } });
      },
      undefined,
      { db, frontCaches: [] },
    );
    // One statement per book, so one delayed row each; the rows due at once share the transaction's time.
    expect((await rowsFor('listes')).filter((row) => row.dueInMs <= 0)).toHaveLength(1);
  });
});

describe('the purges of the book pages’ rows (same author, collection, theme)', () => {
  it('purge a theme, collection or author when a book moves into their rows, not when its title changes', async () => {
    const tag = Math.random().toString(36).slice(2, 10);
    const theme = await db.theme.create({
      data: { path: `purge-${tag}`, slug: `purge-${tag}`, name: `Purge ${tag}`, depth: 1 },
      select: { id: true },
    });
    const publisher = await db.publisher.findFirstOrThrow({ select: { id: true } });
    const collection = await db.collection.create({
      data: { slug: `purge-${tag}`, name: `Purge ${tag}`, publisherId: publisher.id },
      select: { id: true },
    });
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const tags = [`theme-${theme.id}`, `collection-${collection.id}`];
    const cleared = () => db.frontCachePurge.deleteMany({ where: { tag: { in: tags } } });

    // Moved into the theme and the collection: both rows may now show it.
    await cleared();
    await db.book.update({ where: { id: book.id }, data: { themeId: theme.id, collectionId: collection.id } });
    for (const moved of tags) expect(await rowsFor(moved), moved).toHaveLength(2);

    // A new title or price moves nobody into a row (its own tag purges the pages showing it).
    await cleared();
    await db.book.update({ where: { id: book.id }, data: { title: `Autre titre ${tag}`, publisherPriceCents: 2500 } });
    for (const unmoved of tags) expect(await rowsFor(unmoved), unmoved).toEqual([]);

    // In stock now: the rows show books in stock first.
    await db.book.update({ where: { id: book.id }, data: { availability: 'in_stock' } });
    for (const moved of tags) expect(await rowsFor(moved), moved).toHaveLength(2);

    // A book credited to an author: the author's row.
    const author = await db.contributor.create({
      data: { slug: `purge-${tag}`, name: `Autrice ${tag}`, sortName: `Autrice ${tag}` },
      select: { id: true },
    });
    await db.bookContributor.create({ data: { bookId: book.id, contributorId: author.id, role: 'A01' } });
    expect(await rowsFor(`auteur-${author.id}`)).toHaveLength(2);
  });
});

describe('flushFrontCachePurges', () => {
  // The other test files' writes left purges nobody sent: start from none.
  beforeEach(() => db.frontCachePurge.deleteMany());

  it('sends the due tags to every cache in one PURGE each, deletes them, and keeps the delayed ones', async () => {
    const book = await createTestBook(db, { onHand: 1, withSupplier: true });
    const tag = `livre-${book.ean}`;
    await db.frontCachePurge.deleteMany({ where: { tag } });
    await db.stockLevel.update({ where: { bookId: book.id }, data: { onHand: 3 } });
    purged.length = 0;

    const report = await frontCache.flushFrontCachePurges([cacheUrl, cacheUrl]);
    expect(report.purgedTags).toBeGreaterThan(0);
    expect(purged).toHaveLength(2);
    expect(purged[0]).toContain(tag);
    const left = await rowsFor(tag);
    expect(left).toHaveLength(1);
    expect(left[0]!.dueInMs).toBeGreaterThan(0);
  });

  it('keeps the rows when a cache refuses, for the next flush', async () => {
    const book = await createTestBook(db, { onHand: 1, withSupplier: true });
    const tag = `livre-${book.ean}`;
    await db.frontCachePurge.deleteMany({ where: { tag } });
    await db.stockLevel.update({ where: { bookId: book.id }, data: { onHand: 4 } });
    status = 503;
    await expect(frontCache.flushFrontCachePurges([cacheUrl])).rejects.toThrow(/503/);
    expect((await rowsFor(tag)).filter((row) => row.dueInMs <= 0)).toHaveLength(1);
    status = 200;
    await frontCache.flushFrontCachePurges([cacheUrl]);
    expect((await rowsFor(tag)).filter((row) => row.dueInMs <= 0)).toHaveLength(0);
  });

  it('sends nothing without a front cache', async () => {
    purged.length = 0;
    expect(await frontCache.flushFrontCachePurges([])).toEqual({ purgedTags: 0 });
    expect(purged).toEqual([]);
  });
});
