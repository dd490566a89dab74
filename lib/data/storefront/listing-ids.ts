import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CatalogSort } from '@/lib/validation/catalog-query';
import type { ListingKey } from '@/lib/validation/listing-key';
import type { BookFilter } from './catalog';

// The ids of one page of a listing, with the sort key of each (what "Page suivante" carries past
// the numbered pages). Ids first, cards second (as related-books.ts): the page's rows are read from
// the listing's partial index alone, and only the 24 shown get their card's joins.
//
// Each order ends on the id, so a key is a position no two books share, and matches a partial
// index on listed books (migration 20261202100000_onix_supplies_search). The page after a key is
// a row comparison, which PostgreSQL compares column by column in the index's order and serves
// as an index range (https://www.postgresql.org/docs/current/functions-comparisons.html#ROW-WISE-COMPARISON):
// - titre, prix-croissant: (key, id) > (…, …), ascending;
// - prix-decroissant: (key, id) < (…, …), the price index read backwards;
// - nouveautes orders by (publishedOn DESC NULLS LAST, id ASC): the two columns go opposite
//   ways, which one row comparison cannot say, and undated books come last. Its page is the dated
//   books from the key on (the index range starts at `publishedOn <= date`; only the books of the
//   key's own date before its id are filtered out), then the undated ones by id, each branch
//   stopping at the page's size.

export type Position = { offset: number } | { after: ListingKey };

export type ListingRow = { id: number; key: string | number | null };

const KEY_COLUMN: Record<CatalogSort, Prisma.Sql> = {
  // Text in the ISO form the key is written in, whatever the session's DateStyle.
  nouveautes: Prisma.sql`to_char(b."publishedOn", 'YYYY-MM-DD')`,
  titre: Prisma.sql`b."sortTitle"`,
  'prix-croissant': Prisma.sql`b."publisherPriceCents"`,
  'prix-decroissant': Prisma.sql`b."publisherPriceCents"`,
};

const ORDER: Record<CatalogSort, Prisma.Sql> = {
  nouveautes: Prisma.sql`b."publishedOn" DESC NULLS LAST, b."id"`,
  titre: Prisma.sql`b."sortTitle", b."id"`,
  'prix-croissant': Prisma.sql`b."publisherPriceCents", b."id"`,
  'prix-decroissant': Prisma.sql`b."publisherPriceCents" DESC, b."id" DESC`,
};

/** The filter in SQL, the same conditions as bookWhere() in catalog.ts. */
export function filterSql(filter: BookFilter): Prisma.Sql {
  const conditions = [Prisma.sql`b."delistedAt" IS NULL`];
  if (filter.themeIds) conditions.push(Prisma.sql`b."themeId" = ANY(${filter.themeIds}::int[])`);
  if (filter.collectionId !== undefined) conditions.push(Prisma.sql`b."collectionId" = ${filter.collectionId}`);
  if (filter.publisherId !== undefined) conditions.push(Prisma.sql`b."publisherId" = ${filter.publisherId}`);
  if (filter.contributorId !== undefined) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "BookContributor" bc WHERE bc."bookId" = b."id" AND bc."contributorId" = ${filter.contributorId})`,
    );
  }
  if (filter.availability) conditions.push(Prisma.sql`b."availability" = ${filter.availability}::"AvailabilityState"`);
  return Prisma.join(conditions, ' AND ');
}

function select(sort: CatalogSort, where: Prisma.Sql, limit: number, extra = Prisma.empty): Prisma.Sql {
  return Prisma.sql`SELECT b."id", ${KEY_COLUMN[sort]} AS "key" FROM "Book" b
    WHERE ${where} ORDER BY ${ORDER[sort]} LIMIT ${limit} ${extra}`;
}

/** The SQL of up to `limit` rows from `position`, exported for the benchmark that prints its plan. */
export function listingIdsQuery(filter: BookFilter, sort: CatalogSort, position: Position, limit: number): Prisma.Sql {
  const where = filterSql(filter);
  if ('offset' in position) return select(sort, where, limit, Prisma.sql`OFFSET ${position.offset}`);
  const { value, id } = position.after;
  switch (sort) {
    case 'titre':
      return select(sort, Prisma.sql`${where} AND (b."sortTitle", b."id") > (${value}::text, ${id}::int)`, limit);
    case 'prix-croissant':
      return select(
        sort,
        Prisma.sql`${where} AND (b."publisherPriceCents", b."id") > (${value}::int, ${id}::int)`,
        limit,
      );
    case 'prix-decroissant':
      return select(
        sort,
        Prisma.sql`${where} AND (b."publisherPriceCents", b."id") < (${value}::int, ${id}::int)`,
        limit,
      );
    case 'nouveautes': {
      const undated = Prisma.sql`${where} AND b."publishedOn" IS NULL`;
      if (value === null) return select(sort, Prisma.sql`${undated} AND b."id" > ${id}::int`, limit);
      const dated = Prisma.sql`${where} AND b."publishedOn" <= ${value}::date
        AND (b."publishedOn" < ${value}::date OR b."id" > ${id}::int)`;
      return Prisma.sql`SELECT "id", "key" FROM (
          (SELECT 0 AS "part", s.* FROM (${select(sort, dated, limit)}) s)
          UNION ALL
          (SELECT 1 AS "part", s.* FROM (${select(sort, undated, limit)}) s)
        ) page ORDER BY "part", "key" DESC, "id" LIMIT ${limit}`;
    }
  }
}
