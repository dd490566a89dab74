import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { cardRows, cardsJsonSql, type CardJson, type CardRow } from './search-cards';

// A search's ranked ids and facets, kept in the database (every app instance reads the same) for
// SEARCH_CACHE_TTL_SECONDS, and stale as soon as a write to the books, publishers, themes or
// search words commits (docs/decisions/033-search-at-a-million-titles.md, migration
// 20261210100000_search_result_cache): a stored result remembers the xmin of the snapshot it was
// ranked in; each writing transaction leaves its id in SearchCachePurge; a result is stale when
// a purge row at or above that xmin is visible, i.e. a transaction the ranking may not have seen
// whole has committed. The cards (prices, availability) are read fresh, in the same statement.

export const SEARCH_CACHE_TTL_SECONDS = 300;
// A purge row is kept long enough to outlive every result ranked before its transaction committed.
export const PURGE_KEPT = '1 hour';

/** The xmin of the current statement's snapshot, stored with a ranking made in it. */
export const SNAPSHOT_XMIN = 'pg_snapshot_xmin(pg_current_snapshot())::text::bigint';

/** The condition on `c`, a SearchResultCache row, of the stored ranking of `key` still valid. */
export function validEntry(key: string): Prisma.Sql {
  return Prisma.sql`c."key" = ${key}
    AND c."storedAt" > now() - make_interval(secs => ${SEARCH_CACHE_TTL_SECONDS})
    AND NOT EXISTS (SELECT 1 FROM "SearchCachePurge" p WHERE p."xid" >= c."snapshotXmin")`;
}

/** The stored ranking of `key` with the cards of its page, or null when none is valid. */
export async function recallCached<T>(key: string): Promise<{ ranking: T; cards: CardRow[] } | null> {
  const [row] = await getDb().$queryRaw<{ ranking: T; cards: CardJson[] }[]>`
    SELECT c."result" AS ranking,
           ${cardsJsonSql(Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(c."result" -> 'matches' -> 'pageIds')::int)`)} AS cards
    FROM "SearchResultCache" c WHERE ${validEntry(key)}`;
  return row ? { ranking: row.ranking, cards: cardRows(row.cards) } : null;
}

/** Drops the results past their time and the purge rows past PURGE_KEPT, skipping rows another search is dropping. */
export async function pruneSearchCache(): Promise<void> {
  await getDb().$executeRaw`
    WITH expired AS (
      DELETE FROM "SearchResultCache" WHERE "key" IN (
        SELECT "key" FROM "SearchResultCache"
        WHERE "storedAt" < now() - make_interval(secs => ${SEARCH_CACHE_TTL_SECONDS})
        LIMIT 10000 FOR UPDATE SKIP LOCKED
      )
    )
    DELETE FROM "SearchCachePurge" WHERE "xid" IN (
      SELECT "xid" FROM "SearchCachePurge" WHERE "at" < now() - ${PURGE_KEPT}::interval
      LIMIT 10000 FOR UPDATE SKIP LOCKED
    )`;
}

/** Stores `ranking`, made in a snapshot whose xmin was `snapshotXmin` (a query nothing matches, even corrected). */
export async function storeRanking(key: string, ranking: unknown, snapshotXmin: bigint): Promise<void> {
  await getDb().$executeRaw`
    INSERT INTO "SearchResultCache" ("key", "result", "snapshotXmin", "storedAt")
    VALUES (${key}, ${JSON.stringify(ranking)}::jsonb, ${snapshotXmin}, now())
    ON CONFLICT ("key") DO UPDATE
    SET "result" = EXCLUDED."result", "snapshotXmin" = EXCLUDED."snapshotXmin", "storedAt" = EXCLUDED."storedAt"`;
}
