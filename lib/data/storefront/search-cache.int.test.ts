import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_BOOK_EAN } from '@/prisma/demo-catalog/seed-book';

// Real PostgreSQL with the migrations and the demo catalog (scripts/test/database-setup.ts):
// the search's ranking kept in SearchResultCache, and dropped by the triggers of migration
// 20261210100000 when a write commits.
let data: typeof import('./search') &
  typeof import('./search-cache') &
  typeof import('./search-candidates') &
  typeof import('./search-cards');
let db: ReturnType<typeof import('@/lib/db').getDb>;
let Prisma: typeof import('@/lib/generated/prisma/client').Prisma;

beforeAll(async () => {
  data = {
    ...(await import('./search')),
    ...(await import('./search-cache')),
    ...(await import('./search-candidates')),
    ...(await import('./search-cards')),
  };
  db = (await import('@/lib/db')).getDb();
  ({ Prisma } = await import('@/lib/generated/prisma/client'));
});

const keyOf = (words: string[], page = 1, filter = {}) => JSON.stringify({ words, page, filter });

/** Points the stored ranking of `words` at another book: the next search shows it if it reads the cache. */
async function tamper(words: string[], bookId: number) {
  const changed = await db.$executeRaw`
    UPDATE "SearchResultCache"
    SET "result" = jsonb_set("result", '{matches,pageIds}', jsonb_build_array(${bookId}::int))
    WHERE "key" = ${keyOf(words)}`;
  expect(changed).toBe(1);
}

async function otherBook() {
  return db.book.findFirstOrThrow({ where: { ean: { not: SEED_BOOK_EAN } }, select: { id: true, ean: true } });
}

describe('the search cache', () => {
  it('serves a repeated search from the stored ranking, with fresh cards', async () => {
    const first = await data.searchBooks('dhume', 1);
    expect(first.books[0]?.ean).toBe(SEED_BOOK_EAN);
    const other = await otherBook();
    await tamper(['dhume'], other.id);
    const second = await data.searchBooks('dhume', 1);
    expect(second.books.map((b) => b.ean)).toEqual([other.ean]);
    expect(second.total).toBe(first.total);
  });

  it('drops every stored ranking once a write to the books commits', async () => {
    await data.searchBooks('dhume', 1);
    const other = await otherBook();
    await tamper(['dhume'], other.id);
    await db.book.update({ where: { id: other.id }, data: { featured: false } });
    const after = await data.searchBooks('dhume', 1);
    expect(after.books[0]?.ean).toBe(SEED_BOOK_EAN);
  });

  it('drops a ranking made while a writer was running, once that writer commits', async () => {
    const other = await otherBook();
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE "Book" SET "featured" = "featured" WHERE "id" = $1`, [other.id]);
      // Ranked and stored while the writer's transaction runs: its write is not seen, nor its purge.
      await data.searchBooks('cooperation', 1);
      expect(await data.recallCached(keyOf(['cooperation']))).not.toBeNull();
      await writer.query('COMMIT');
      expect(await data.recallCached(keyOf(['cooperation']))).toBeNull();
    } finally {
      await writer.end();
    }
  });

  it('ignores a ranking past its time', async () => {
    await data.searchBooks('harmattan', 1);
    expect(await data.recallCached(keyOf(['harmattan']))).not.toBeNull();
    await db.$executeRaw`
      UPDATE "SearchResultCache" SET "storedAt" = now() - make_interval(secs => ${data.SEARCH_CACHE_TTL_SECONDS + 1})
      WHERE "key" = ${keyOf(['harmattan'])}`;
    expect(await data.recallCached(keyOf(['harmattan']))).toBeNull();
  });

  it('keeps a typo correction with the ranking', async () => {
    const first = await data.searchBooks('dhume cooperaton', 1);
    expect(first.correctedQuery).toBe('dhume cooperation');
    const second = await data.searchBooks('dhume cooperaton', 1);
    expect(second.correctedQuery).toBe('dhume cooperation');
    expect(second.books[0]?.ean).toBe(SEED_BOOK_EAN);
  });

  it('keeps a query that nothing matches, even corrected', async () => {
    expect((await data.searchBooks('zzzz qqqq', 1)).total).toBe(0);
    expect(await data.recallCached(keyOf(['zzzz', 'qqqq']))).toMatchObject({ cards: [] });
    expect((await data.searchBooks('zzzz qqqq', 1)).total).toBe(0);
  });

  it('keeps pages and filters apart', async () => {
    await data.searchBooks('droit', 1);
    const themeIds = await (await import('./catalog')).listThemeSubtreeIds('droit');
    const filtered = await data.searchBooks('droit', 1, { themeIds });
    expect(await data.recallCached(keyOf(['droit'], 1, { themeIds }))).not.toBeNull();
    expect(await data.recallCached(keyOf(['droit']))).not.toBeNull();
    expect(filtered.total).toBeGreaterThan(0);
  });
});

describe('the cards read with the ranking', () => {
  it('are what Prisma reads with BOOK_CARD_SELECT, in the order of the ids', async () => {
    const { BOOK_CARD_SELECT } = await import('./book-selects');
    const { createTestBook } = await import('@/scripts/test/fixtures/books');
    // The demo's books (authors, collections, forthcoming titles) and books without a supplier or stock.
    const bare = await createTestBook(db, { onHand: 0, withSupplier: false });
    const stocked = await createTestBook(db, { onHand: 3, withSupplier: true });
    const demo = await db.book.findMany({ select: { id: true }, orderBy: { id: 'desc' }, take: 80 });
    const ids = [bare.id, stocked.id, ...demo.map((b) => b.id)];
    const [row] = await db.$queryRaw<{ cards: Parameters<typeof data.cardRows>[0] }[]>`
      SELECT ${data.cardsJsonSql(Prisma.sql`${ids}::int[]`)} AS cards`;
    const prisma = await db.book.findMany({ where: { id: { in: ids } }, select: { id: true, ...BOOK_CARD_SELECT } });
    const byId = new Map(prisma.map((book) => [book.id, book]));
    expect(data.cardRows(row!.cards)).toEqual(ids.map((id) => byId.get(id)));
  });
});

describe('rankAndStore', () => {
  let calls = 0;
  /** Ranked afresh: a key no search used. */
  const rank = async (text: string, page: number, givenShare: number | null) => {
    calls += 1;
    const { ranking } = await data.rankAndStore({
      key: `test ${calls}`,
      text,
      page,
      pageSize: 24,
      conditions: Prisma.empty,
      givenShare,
      correctedQuery: null,
      storeEmpty: false,
    });
    return ranking.matches;
  };

  it('walks the newest books for a frequent word, and reads the index when the walk falls short', async () => {
    const { createTestBook } = await import('@/scripts/test/fixtures/books');
    for (let i = 0; i < 100; i += 1) {
      await createTestBook(db, { onHand: 0, withSupplier: false, title: `Zythologie pratique, tome ${i + 1}` });
    }
    // As frequent as the walk needs (3 %): the walk covers the whole test catalog.
    const walked = await rank('zythologie', 1, 0.03);
    expect(walked.walked).toBe(true);
    expect(walked.found).toBe(96);
    expect(walked.pageIds).toHaveLength(24);
    expect(walked.sample).toBe(96);
    // Unknown to the statistics: the GIN plan reads every match.
    const read = await rank('zythologie', 1, null);
    expect(read.walked).toBe(false);
    expect(read.found).toBe(100);
    expect(read.pageIds).toHaveLength(24);
    // A frequent word with too few matches in the walk falls back to the index.
    const fallback = await rank('dhume', 1, 0.5);
    expect(fallback.walked).toBe(false);
    expect(fallback.found).toBeGreaterThan(0);
  });

  it('counts the facets of the sample in rank order, and pages without overlap', async () => {
    const ranked = await rank('droit', 1, null);
    const sum = (facets: { count: number }[]) => facets.reduce((total, f) => total + f.count, 0);
    expect(sum(ranked.availability)).toBe(ranked.sample);
    expect(sum(ranked.themes)).toBeLessThanOrEqual(ranked.sample);
    const counts = ranked.publishers.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(ranked.found).toBeGreaterThan(24);
    const second = await rank('droit', 2, null);
    expect(second.pageIds.length).toBeGreaterThan(0);
    expect(second.pageIds.some((id) => ranked.pageIds.includes(id))).toBe(false);
  });

  it('stores a ranking and its cards', async () => {
    const args = {
      key: 'store test',
      text: 'dhume',
      page: 1,
      pageSize: 24,
      conditions: Prisma.empty,
      givenShare: null,
      correctedQuery: null,
      storeEmpty: false,
    };
    const { ranking, cards } = await data.rankAndStore(args);
    expect(cards.map((c) => c.ean)).toContain(SEED_BOOK_EAN);
    expect(await data.recallCached('store test')).toEqual({ ranking, cards });
    // Nothing found, nothing stored (unless the words were corrected already).
    await data.rankAndStore({ ...args, key: 'store nothing', text: 'zzzzzz' });
    expect(await data.recallCached('store nothing')).toBeNull();
    await data.rankAndStore({
      ...args,
      key: 'store corrected',
      text: 'zzzzzz',
      correctedQuery: 'zzzzzz',
      storeEmpty: true,
    });
    expect(await data.recallCached('store corrected')).toMatchObject({ ranking: { correctedQuery: null }, cards: [] });
  });

  it('prunes what expired', async () => {
    await data.rankAndStore({
      key: 'prune test',
      text: 'dhume',
      page: 1,
      pageSize: 24,
      conditions: Prisma.empty,
      givenShare: null,
      correctedQuery: null,
      storeEmpty: false,
    });
    await db.$executeRaw`UPDATE "SearchResultCache" SET "storedAt" = now() - interval '1 day' WHERE "key" = 'prune test'`;
    await data.pruneSearchCache();
    expect(await db.$queryRaw`SELECT 1 FROM "SearchResultCache" WHERE "key" = 'prune test'`).toEqual([]);
  });
});
