import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '@/lib/generated/prisma/client';
import { CATALOG_SORTS, type CatalogSort } from '@/lib/validation/catalog-query';
import type { ListingKey } from '@/lib/validation/listing-key';
import { CATALOG_PAGE_SIZE, LAST_NUMBERED_PAGE, LISTING_COUNT_CAP } from '@/lib/shop/config';
import type { BookFilter } from './catalog';

// Real PostgreSQL with the demo catalog (scripts/test/database-setup.ts). Walks listings page by
// page through "Page suivante"'s keys, and compares with the whole listing read in one query by
// Prisma's own ORDER BY: the raw keyset SQL of listing-ids.ts against an independent reading.

let data: typeof import('./catalog');
let db: ReturnType<typeof import('@/lib/db').getDb>;
type Saved = { id: number; publishedOn: Date | null; publisherPriceCents: number; sortTitle: string };
let saved: Saved[] = [];

// Ties the keys must break by id: undated books (listed last by "nouveautes"), books of one
// price, books of one filing title.
const UNDATED = 6;
const SAME_PRICE = 9;
const SAME_TITLE = 4;

beforeAll(async () => {
  data = await import('./catalog');
  db = (await import('@/lib/db')).getDb();
  saved = await db.book.findMany({
    where: { delistedAt: null },
    orderBy: { id: 'asc' },
    take: UNDATED + SAME_PRICE + SAME_TITLE,
    select: { id: true, publishedOn: true, publisherPriceCents: true, sortTitle: true },
  });
  const ids = saved.map((book) => book.id);
  await db.book.updateMany({ where: { id: { in: ids.slice(0, UNDATED) } }, data: { publishedOn: null } });
  // Undated books of one price too: both ties at once.
  await db.book.updateMany({
    where: { id: { in: ids.slice(UNDATED - 3, UNDATED + SAME_PRICE) } },
    data: { publisherPriceCents: 2_000 },
  });
  await db.book.updateMany({
    where: { id: { in: ids.slice(UNDATED + SAME_PRICE) } },
    data: { sortTitle: 'meme titre' },
  });
});

afterAll(async () => {
  for (const { id, ...columns } of saved) await db.book.update({ where: { id }, data: columns });
});

const ORACLE_ORDER: Record<CatalogSort, Prisma.BookOrderByWithRelationInput[]> = {
  nouveautes: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  titre: [{ sortTitle: 'asc' }, { id: 'asc' }],
  'prix-croissant': [{ publisherPriceCents: 'asc' }, { id: 'asc' }],
  'prix-decroissant': [{ publisherPriceCents: 'desc' }, { id: 'desc' }],
};

/** A key before every book of the sort: the walk then reads the whole listing by key. */
const BEFORE_ALL: Record<CatalogSort, ListingKey> = {
  nouveautes: { value: '9999-12-31', id: 0 },
  titre: { value: '', id: 0 },
  'prix-croissant': { value: -1, id: 0 },
  'prix-decroissant': { value: 2_147_483_647, id: 2_147_483_647 },
};

async function everyEan(filter: BookFilter, sort: CatalogSort): Promise<string[]> {
  const rows = await db.book.findMany({
    where: data.bookWhere(filter),
    orderBy: ORACLE_ORDER[sort],
    select: { ean: true },
  });
  return rows.map((row) => row.ean);
}

async function walkByKey(filter: BookFilter, sort: CatalogSort, pageSize: number): Promise<string[]> {
  const eans: string[] = [];
  let after: ListingKey | null = BEFORE_ALL[sort];
  for (let pages = 0; after && pages < 1_000; pages += 1) {
    const list = await data.listBooks(filter, { sort, page: 1, after, pageSize });
    expect(list.byKey).toBe(true);
    expect(list.books.length).toBeLessThanOrEqual(pageSize);
    eans.push(...list.books.map((book) => book.ean));
    after = list.nextKey;
  }
  return eans;
}

describe('pages reached by key', () => {
  it.each(CATALOG_SORTS)('give every book of the catalog once, in order, sorted by %s', async (sort) => {
    const expected = await everyEan({}, sort);
    expect(expected.length).toBeGreaterThan(60);
    // 7 does not divide the ties' lengths: pages end inside each run of equal keys.
    expect(await walkByKey({}, sort, 7)).toEqual(expected);
  });

  it.each(CATALOG_SORTS)('give every book of a filtered listing once, in order, sorted by %s', async (sort) => {
    const publisher = await db.book.groupBy({
      by: ['publisherId'],
      where: { delistedAt: null },
      _count: { id: true },
      orderBy: { _count: { id: 'desc' } },
      take: 1,
    });
    const filter = { publisherId: publisher[0]!.publisherId };
    const expected = await everyEan(filter, sort);
    expect(expected.length).toBeGreaterThan(3);
    expect(await walkByKey(filter, sort, 2)).toEqual(expected);
  });

  it('walks an author, a theme and an availability by key as their numbered pages list them', async () => {
    const seed = await db.book.findFirstOrThrow({
      where: { delistedAt: null, contributors: { some: {} } },
      select: { themeId: true, availability: true, contributors: { select: { contributorId: true }, take: 1 } },
    });
    for (const filter of [
      { contributorId: seed.contributors[0]!.contributorId },
      { themeIds: [seed.themeId] },
      { availability: seed.availability },
    ] satisfies BookFilter[]) {
      // One numbered page holds the whole listing, however many books other test files left.
      const numbered = await data.listBooks(filter, { sort: 'nouveautes', page: 1, pageSize: 20_000 });
      expect(await walkByKey(filter, 'nouveautes', 3)).toEqual(numbered.books.map((book) => book.ean));
    }
  });

  it('start after the key of an undated book among the undated books, by id', async () => {
    const key = { value: null, id: saved[1]!.id };
    const undated = await db.book.findMany({
      where: { delistedAt: null, publishedOn: null, id: { gt: key.id } },
      orderBy: { id: 'asc' },
      select: { ean: true },
    });
    expect(undated.length).toBeGreaterThanOrEqual(UNDATED - 2);
    // Other test files leave undated books in this database too: one page holds them all.
    const list = await data.listBooks({}, { sort: 'nouveautes', page: 1, after: key, pageSize: undated.length });
    expect(list.books.map((book) => book.ean)).toEqual(undated.map((book) => book.ean));
    expect(list.nextKey).toBeNull();
  });
});

describe('numbered pages', () => {
  it.each(CATALOG_SORTS)('give the same order as the pages reached by key, sorted by %s', async (sort) => {
    const eans: string[] = [];
    for (let page = 1; page <= 100; page += 1) {
      const list = await data.listBooks({}, { sort, page, pageSize: 10 });
      if (list.books.length === 0) break;
      expect(list.byKey).toBe(false);
      eans.push(...list.books.map((book) => book.ean));
    }
    expect(eans).toEqual(await everyEan({}, sort));
  });

  it('offer no key while every book is within the numbered pages', async () => {
    const list = await data.listBooks({}, { sort: 'titre', page: 1, pageSize: 10 });
    expect(list.pageCount).toBeGreaterThan(1);
    expect(list.nextKey).toBeNull();
  });
});

describe('a listing counted past its cap', () => {
  // More books than the numbered pages hold, under a publisher of their own: copies of one demo
  // book with keys that tie often (a few dates, undated ones, a few prices and titles).
  const BOOKS = LISTING_COUNT_CAP + 3 * CATALOG_PAGE_SIZE + 5;

  it.each(CATALOG_SORTS)(
    'links its last numbered page to the next by key, and the walk ends on its last book, sorted by %s',
    async (sort) => {
      const publisher = await db.publisher.create({ data: { slug: `cles-${sort}`, name: `Clés ${sort}` } });
      try {
        const columns = (
          await db.$queryRaw<{ name: string }[]>`
            SELECT column_name AS "name" FROM information_schema.columns
             WHERE table_name = 'Book' AND is_generated = 'NEVER' AND column_default IS DISTINCT FROM 'nextval(''"Book_id_seq"''::regclass)'
               AND column_name NOT IN ('ean', 'publisherId', 'publishedOn', 'publisherPriceCents', 'sortTitle', 'collectionId')`
        ).map((c) => `"${c.name}"`);
        const source = saved.at(-1)!.id;
        await db.$executeRawUnsafe(
          `INSERT INTO "Book" (${columns.join(', ')}, "ean", "publisherId", "publishedOn", "publisherPriceCents", "sortTitle")
           SELECT ${columns.join(', ')}, '9799' || lpad(n::text, 9, '0'), $1,
                  CASE WHEN n % 7 = 0 THEN NULL ELSE date '2020-01-01' + (n % 40) END, 1000 + (n % 13) * 100, 'cle ' || (n % 17)
             FROM "Book", generate_series(1, $2::int) n WHERE "id" = $3`,
          publisher.id,
          BOOKS,
          source,
        );
        const filter = { publisherId: publisher.id };
        const last = await data.listBooks(filter, { sort, page: LAST_NUMBERED_PAGE });
        expect(last.totalPrecision).toBe('atLeast');
        expect(last.pageCount).toBe(LAST_NUMBERED_PAGE);
        expect(last.nextKey).not.toBeNull();
        const eans: string[] = [];
        for (let page = 1; page <= LAST_NUMBERED_PAGE; page += 1) {
          eans.push(...(await data.listBooks(filter, { sort, page })).books.map((book) => book.ean));
        }
        let after = last.nextKey;
        for (let pages = 0; after && pages < 100; pages += 1) {
          const list = await data.listBooks(filter, { sort, page: 1, after });
          eans.push(...list.books.map((book) => book.ean));
          after = list.nextKey;
        }
        expect(eans).toHaveLength(BOOKS);
        expect(eans).toEqual(await everyEan(filter, sort));
      } finally {
        await db.book.deleteMany({ where: { publisherId: publisher.id } });
        await db.publisher.delete({ where: { id: publisher.id } });
      }
    },
  );
});
