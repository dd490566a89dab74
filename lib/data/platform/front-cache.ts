import 'server-only';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { FRONT_CACHE_PURGE_HEADER } from '@/lib/front-cache/response-tags';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { FRONT_CACHE_FLUSH_LIMITS, transactOrThrow, type Tx } from './transactions';
import { logger } from '@/lib/observability/logger';

// The purges of the front caches (docs/decisions/014-front-cache.md). Triggers write the tags a
// change made stale into "FrontCachePurge", in the transaction of the change (migration
// 20261203100000_front_cache_purges); this sends the due ones to every front cache after the
// commit, as one PURGE request each carrying the tags (Varnish's xkey vmod:
// https://github.com/varnish/varnish-modules/blob/master/src/vmod_xkey.vcc), and deletes them
// once every cache took them. A cache that does not answer keeps them for the next flush.

const BATCH = 500;
/** A purge is a few hash-table lookups in Varnish: a cache slower than this is not answering. */
const PURGE_TIMEOUT_MS = 3_000;
/** Delayed rows nobody flushes (no front cache configured) are deleted after a day. */
const UNSENT_LIFETIME_HOURS = 24;

export type FlushReport = { purgedTags: number };

/**
 * Sends the due purges. Rows are locked (FOR UPDATE, waiting rather than skipping), so a second
 * flusher returns only after the first one's purge reached the caches: a writer that flushes
 * after its commit knows the next reader misses the cache. Throws when a cache cannot be
 * reached (the rows stay). Without front caches configured, sends nothing.
 */
export async function flushFrontCachePurges(
  caches: string[] = getEnv().FRONT_CACHE_PURGE_URLS,
  db: PrismaClient = getDb(),
): Promise<FlushReport> {
  if (caches.length === 0) return { purgedTags: 0 };
  let purgedTags = 0;
  for (;;) {
    const sent = await transactOrThrow(
      async (tx) => {
        // "dueAt" as text: the exact key back, whatever the session's time zone.
        const rows = await tx.$queryRaw<{ tag: string; dueAt: string }[]>`
          SELECT "tag", "dueAt"::text AS "dueAt" FROM "FrontCachePurge" WHERE "dueAt" <= now()
          ORDER BY "dueAt", "tag" LIMIT ${BATCH} FOR UPDATE`;
        if (rows.length === 0) return { rows: 0, tags: 0 };
        const tags = [...new Set(rows.map((row) => row.tag))];
        await Promise.all(caches.map((cache) => purgeTags(cache, tags)));
        await tx.$executeRaw`
          DELETE FROM "FrontCachePurge" p
          USING unnest(${rows.map((row) => row.tag)}::text[], ${rows.map((row) => row.dueAt)}::timestamptz[]) AS sent(tag, due)
          WHERE p."tag" = sent.tag AND p."dueAt" = sent.due`;
        return { rows: rows.length, tags: tags.length };
      },
      FRONT_CACHE_FLUSH_LIMITS,
      // The flush writes no purge of its own.
      { db, frontCaches: [] },
    );
    purgedTags += sent.tags;
    if (sent.rows < BATCH) return { purgedTags };
  }
}

/**
 * After a write the reader waits on: flushes, and logs rather than fails when a cache is down
 * (the write is committed; the worker retries the rows every few seconds).
 */
export async function flushFrontCachePurgesAfterCommit(
  caches: string[] = getEnv().FRONT_CACHE_PURGE_URLS,
  db: PrismaClient = getDb(),
): Promise<void> {
  if (caches.length === 0) return;
  try {
    await flushFrontCachePurges(caches, db);
  } catch (error) {
    logger.error({ err: error }, 'front cache purge failed (the worker will retry)');
  }
}

/** Whether the transaction wrote purges (the triggers set a transaction-local setting). */
export async function wroteFrontCachePurges(tx: Tx): Promise<boolean> {
  const rows = await tx.$queryRaw<{ due: string | null }[]>`
    SELECT current_setting('librairie.front_cache_purges', true) AS due`;
  return rows[0]?.due === 'due';
}

/** Milliseconds until the next purge is due (0 when one is due), null when none is waiting. */
export async function msUntilNextFrontCachePurge(): Promise<number | null> {
  const rows = await getDb().$queryRaw<{ ms: number | null }[]>`
    SELECT greatest(0, ceil(extract(epoch FROM min("dueAt") - now()) * 1000))::int AS ms FROM "FrontCachePurge"`;
  return rows[0]?.ms ?? null;
}

/** Without a front cache, purge rows are never sent: old ones are deleted. */
export async function deleteUnsentFrontCachePurges(now: Date): Promise<number> {
  const before = new Date(now.getTime() - UNSENT_LIFETIME_HOURS * 3600_000);
  return getDb().$executeRaw`DELETE FROM "FrontCachePurge" WHERE "dueAt" < ${before}`;
}

async function purgeTags(cacheUrl: string, tags: string[]): Promise<void> {
  const response = await fetch(cacheUrl, {
    method: 'PURGE',
    headers: { [FRONT_CACHE_PURGE_HEADER]: tags.join(' ') },
    signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`front cache ${cacheUrl} answered ${response.status} to a purge`);
}
