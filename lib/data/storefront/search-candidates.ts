import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { AvailabilityState } from '@/lib/availability';
import { SNAPSHOT_XMIN } from './search-cache';
import { cardRows, cardsJsonSql, type CardJson, type CardRow } from './search-cards';

// The ranked matches of a full-text query, the ids and cards of one page of them and the facets
// of the first SEARCH_FACET_SAMPLE, in ONE statement that also stores the ranking in the search
// cache (search-cache.ts; docs/decisions/033-search-at-a-million-titles.md).
// Which plan reads the matches comes from the share of the catalog the words match:
// - at least WALK_MIN_SHARE ("droit", "décentralisation"): walk the newest-first index and keep
//   the first matches (2 × window / share rows, a few thousand), then rank that window; reading
//   the GIN index would mean tens of thousands of rows;
// - otherwise read the GIN index (only the matches), up to SEARCH_CANDIDATES (any beyond are not
//   ranked: a query that precise rarely has more), and rank them.
// The share is the planner's own figure, from the column's statistics (pg_stats: the most common
// lexemes of searchVector and their frequencies, as ANALYZE wrote them; a lexeme not among them is
// rarer than the rarest listed), applied to the query's lexemes inside the statement: choosing
// costs no round trip.
// A walk that finds fewer than the window falls back to the GIN plan in the same statement (an
// InitPlan gates each branch: the one not taken reads nothing), so a wrong share costs one bounded
// walk, never a scan of the catalog.

export const SEARCH_FACET_SAMPLE = 300;
export const SEARCH_CANDIDATES = 600;
const FACET_OPTIONS = 8;
const WALK_MIN_SHARE = 0.03;
const WALK_WINDOW = 96;
const WALK_MAX_ROWS = 200_000;
// ts_rank weights of D, C, B, A: description 0.1, names and publisher 0.4, title 1.
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

export type FacetCount = { key: string; label: string; count: number };

export type RankedMatches = {
  /** The share of the listed books the words match (statistics), and the listed books. */
  share: number;
  listed: number;
  /** Matches read: the walk's window, or the GIN plan's candidates (SEARCH_CANDIDATES + 1 at most). */
  found: number;
  walked: boolean;
  pageIds: number[];
  sample: number;
  publishers: FacetCount[];
  themes: FacetCount[];
  availability: { state: AvailabilityState; count: number }[];
};

/** What the cache keeps of a query: its ranking, and the words actually searched (typos corrected). */
export type Ranking = { matches: RankedMatches; correctedQuery: string | null };

type RankArgs = {
  /** The cache key: the words, the page and the filters. */
  key: string;
  text: string;
  page: number;
  pageSize: number;
  /** The filters (AND …) on `b`, the Book row. */
  conditions: Prisma.Sql;
  /**
   * The share of the listed books matching both the words and the filters, when the caller knows
   * it better than the words' statistics do (a filtered search: the planner's estimate).
   */
  givenShare: number | null;
  /** Stored with the ranking: `text` are the corrected words of the query. */
  correctedQuery: string | null;
  /** Whether a ranking without matches is stored (one whose words were already corrected). */
  storeEmpty: boolean;
};

/** The ranking of `text`, with the cards of its page, stored under `key` (unless empty and not `storeEmpty`). */
export async function rankAndStore(
  args: RankArgs,
): Promise<{ ranking: Ranking; snapshotXmin: bigint; cards: CardRow[] }> {
  const { key, text, page, pageSize, conditions, givenShare, correctedQuery, storeEmpty } = args;
  const stats = await readLexemeStats();
  const needed = page * pageSize;
  const window = Math.max(WALK_WINDOW, needed);
  const [row] = await getDb().$queryRaw<{ ranking: Ranking; snapshotXmin: bigint; cards: CardJson[] }[]>`
    WITH q AS (SELECT plainto_tsquery('librairie_fr', ${text}) AS query),
    share AS (
      SELECT coalesce(${givenShare}::float8, (
        -- Every word is required: the shares multiply, as the planner's do. A lexeme not among
        -- the most common ones counts as half the rarest listed (the planner's guess too).
        SELECT exp(sum(ln(greatest(coalesce(f.freq, ${stats.rarest}::float8 / 2), 1e-9))))
        FROM unnest(tsvector_to_array(to_tsvector('librairie_fr', ${text}))) l
        LEFT JOIN unnest(${stats.lexemes}::text[], ${stats.freqs}::float8[]) AS f(lexeme, freq) ON f.lexeme = l
      ), 0) AS value
    ),
    walk AS MATERIALIZED (
      SELECT r."id", r."themeId", r."publisherId", r."availability",
             row_number() OVER (ORDER BY ts_rank(${RANK_WEIGHTS}::float4[], r."searchVector", q.query) DESC,
                                         r."publishedOn" DESC NULLS LAST, r."id") AS ord
      FROM (
        SELECT b."id", b."themeId", b."publisherId", b."availability", b."publishedOn", b."searchVector"
        FROM "Book" b
        WHERE (SELECT value FROM share) >= ${WALK_MIN_SHARE} AND b."delistedAt" IS NULL ${conditions}
        ORDER BY b."publishedOn" DESC NULLS LAST, b."id"
        -- Rows to walk for the window at that share, with a margin of 2.
        LIMIT (SELECT least(${WALK_MAX_ROWS}, ceil(2 * ${window} / greatest(value, ${WALK_MIN_SHARE})))::int FROM share)
      ) r, q
      WHERE r."searchVector" @@ q.query
      ORDER BY ord
      LIMIT ${window}
    ),
    gin AS MATERIALIZED (
      SELECT c."id", c."themeId", c."publisherId", c."availability",
             row_number() OVER (ORDER BY c.rank DESC, c."publishedOn" DESC NULLS LAST, c."id") AS ord
      FROM (
        SELECT b."id", b."themeId", b."publisherId", b."availability", b."publishedOn",
               ts_rank(${RANK_WEIGHTS}::float4[], b."searchVector", q.query) AS rank
        FROM "Book" b, q
        WHERE (SELECT count(*) FROM walk) < ${window}
          AND b."delistedAt" IS NULL AND b."searchVector" @@ q.query ${conditions}
        LIMIT ${SEARCH_CANDIDATES + 1}
      ) c
    ),
    walked AS (SELECT count(*) >= ${window} AS value FROM walk),
    candidates AS (
      SELECT * FROM walk WHERE (SELECT value FROM walked)
      UNION ALL
      SELECT * FROM gin WHERE NOT (SELECT value FROM walked) AND ord <= ${SEARCH_CANDIDATES}
    ),
    sample AS (SELECT * FROM candidates WHERE ord <= ${SEARCH_FACET_SAMPLE}),
    publishers AS (
      SELECT p."slug" AS key, p."name" AS label, x.n AS count, x.first
      FROM (
        SELECT "publisherId", count(*)::int AS n, min(ord) AS first FROM sample
        GROUP BY "publisherId" ORDER BY n DESC, first LIMIT ${FACET_OPTIONS}
      ) x
      JOIN "Publisher" p ON p."id" = x."publisherId"
    ),
    -- Themes are offered at the root of the tree ("Droit", "Histoire"): few, and broad enough.
    themes AS (
      SELECT r."path" AS key, r."name" AS label, count(*)::int AS count, min(s.ord) AS first
      FROM sample s
      JOIN "Theme" t ON t."id" = s."themeId"
      JOIN "Theme" r ON r."path" = split_part(t."path", '/', 1)
      GROUP BY r."path", r."name"
      ORDER BY count DESC, first
      LIMIT ${FACET_OPTIONS}
    ),
    availability AS (
      SELECT "availability" AS state, count(*)::int AS count, min(ord) AS first FROM sample GROUP BY "availability"
    ),
    matches AS (
      SELECT
        (SELECT value FROM share) AS share,
        ${stats.listed}::float8 AS listed,
        CASE WHEN (SELECT value FROM walked) THEN (SELECT count(*)::int FROM walk)
             ELSE (SELECT count(*)::int FROM gin) END AS found,
        (SELECT value FROM walked) AS walked,
        coalesce((SELECT array_agg("id" ORDER BY ord) FROM candidates
                  WHERE ord > ${needed - pageSize} AND ord <= ${needed}), '{}') AS "pageIds",
        (SELECT count(*)::int FROM sample) AS sample,
        coalesce((SELECT json_agg(json_build_object('key', key, 'label', label, 'count', count) ORDER BY count DESC, first)
                  FROM publishers), '[]') AS publishers,
        coalesce((SELECT json_agg(json_build_object('key', key, 'label', label, 'count', count) ORDER BY count DESC, first)
                  FROM themes), '[]') AS themes,
        coalesce((SELECT json_agg(json_build_object('state', state, 'count', count) ORDER BY count DESC, first)
                  FROM availability), '[]') AS availability
    ),
    fresh AS (
      SELECT m.found, jsonb_build_object(
        'matches', to_jsonb(m),
        'correctedQuery', CASE WHEN m.found > 0 THEN ${correctedQuery}::text END
      ) AS result
      FROM matches m
    ),
    stored AS (
      INSERT INTO "SearchResultCache" ("key", "result", "snapshotXmin", "storedAt")
      SELECT ${key}, f.result, ${Prisma.raw(SNAPSHOT_XMIN)}, now()
      FROM fresh f WHERE f.found > 0 OR ${storeEmpty}
      ON CONFLICT ("key") DO UPDATE
      SET "result" = EXCLUDED."result", "snapshotXmin" = EXCLUDED."snapshotXmin", "storedAt" = EXCLUDED."storedAt"
    )
    SELECT (SELECT result FROM fresh) AS ranking, ${Prisma.raw(SNAPSHOT_XMIN)} AS "snapshotXmin",
           ${cardsJsonSql(Prisma.sql`(SELECT "pageIds" FROM matches)`)} AS cards`;
  if (!row) throw new Error('rankAndStore: no row');
  return { ranking: row.ranking, snapshotXmin: row.snapshotXmin, cards: cardRows(row.cards) };
}

type LexemeStats = { lexemes: string[]; freqs: number[]; rarest: number; listed: number; readAt: number };

/**
 * The most common lexemes of Book.searchVector and their frequencies, as ANALYZE left them in
 * pg_stats (most_common_elem_freqs ends with the minimum, maximum and null frequencies), and the
 * listed books (pg_class); statistics, not results: read once a minute per process.
 */
let lexemeStats: LexemeStats | null = null;

async function readLexemeStats(): Promise<LexemeStats> {
  if (lexemeStats && Date.now() - lexemeStats.readAt < 60_000) return lexemeStats;
  const [row] = await getDb().$queryRaw<{ lexemes: string[] | null; freqs: number[] | null; listed: number }[]>`
    SELECT s."most_common_elems"::text::text[] AS lexemes, s."most_common_elem_freqs"::float8[] AS freqs,
           (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = '"Book"'::regclass) AS listed
    FROM (SELECT 1) one
    LEFT JOIN pg_stats s
      ON s."schemaname" = current_schema() AND s."tablename" = 'Book' AND s."attname" = 'searchVector'`;
  const lexemes = row?.lexemes ?? [];
  const freqs = row?.freqs ?? [];
  lexemeStats = {
    lexemes,
    freqs: freqs.slice(0, lexemes.length),
    rarest: freqs[lexemes.length] ?? 0,
    listed: row?.listed ?? 0,
    readAt: Date.now(),
  };
  return lexemeStats;
}
