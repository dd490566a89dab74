import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { AVAILABILITY_STATE_LABELS, type AvailabilityState } from '@/lib/availability';
import { AVAILABILITY_URL_VALUES } from '@/lib/catalog/availability-filter';
import { parseIsbn } from '@/lib/isbn';
import { queryWords } from '@/lib/search/normalize';
import { MIN_CORRECTABLE_WORD_LENGTH } from '@/lib/search/search-words';
import { CATALOG_PAGE_SIZE, LISTING_COUNT_CAP } from '@/lib/shop/config';
import { BOOK_CARD_SELECT, toBookCard } from './book-selects';
import { EMPTY_LIST, pageOf, resolveCatalogFilter, type BookList, type TotalPrecision } from './catalog';

// Search at a million titles (docs/decisions/010-supplies-search-and-listings-at-scale.md):
// 1. an EAN, ISBN-13 or ISBN-10 (hyphens or not) opens that book first;
// 2. PostgreSQL full-text search (French stemming, accents folded: the generated column
//    Book.searchVector and its GIN index), every word required, ranked by ts_rank with the
//    title above names above the description, then newest first;
// 3. when that finds nothing, each unknown word is replaced by the closest word of the
//    catalog's titles and names (trigram similarity on SearchWord) and the search runs again.
// The matches are never all read nor counted (see fullTextSearch); facets are counted on the
// first SEARCH_FACET_SAMPLE ranked results.

export type SearchFilter = { themeIds?: number[]; publisherId?: number; availability?: AvailabilityState };

export type SearchFacet = { key: string; label: string; count: number };

export type SearchResult = BookList & {
  words: string[];
  isbnMatch: boolean;
  /** The words actually searched when typos were corrected ("cooperation"), else null. */
  correctedQuery: string | null;
  /** Results the facets were counted on. */
  facetSample: number;
  facets: { themes: SearchFacet[]; publishers: SearchFacet[]; availability: SearchFacet[] };
};

export const SEARCH_FACET_SAMPLE = 300;
const FACET_OPTIONS = 8;
// ts_rank weights of D, C, B, A: description 0.1, names and publisher 0.4, title 1.
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';
// Below this trigram similarity, a "correction" is another word, not a typo.
const MIN_SIMILARITY = 0.45;

const AVAILABILITY_URL_KEYS = new Map(
  Object.entries(AVAILABILITY_URL_VALUES).map(([urlValue, state]) => [state as AvailabilityState, urlValue]),
);

const NO_FACETS: SearchResult['facets'] = { themes: [], publishers: [], availability: [] };

export async function searchBooks(query: string, page: number, filter: SearchFilter = {}): Promise<SearchResult> {
  const isbn = parseIsbn(query.slice(0, 40));
  if (isbn) {
    const book = await getDb().book.findUnique({
      where: { ean: isbn.ean13, delistedAt: null },
      select: BOOK_CARD_SELECT,
    });
    if (book) {
      return {
        books: [toBookCard(book)],
        ...pageOf(1, 'exact', 1),
        words: [],
        isbnMatch: true,
        correctedQuery: null,
        facetSample: 0,
        facets: NO_FACETS,
      };
    }
  }
  const words = queryWords(query);
  const empty = {
    ...EMPTY_LIST,
    page,
    words,
    isbnMatch: false,
    correctedQuery: null,
    facetSample: 0,
    facets: NO_FACETS,
  };
  if (words.length === 0) return empty;

  const exact = await fullTextSearch(words.join(' '), page, filter);
  if (exact.total > 0) return { ...exact, words, isbnMatch: false, correctedQuery: null };

  const corrected = await correctWords(words);
  if (!corrected) return empty;
  const second = await fullTextSearch(corrected.join(' '), page, filter);
  return { ...second, words, isbnMatch: false, correctedQuery: second.total > 0 ? corrected.join(' ') : null };
}

type Candidate = {
  id: number;
  themeId: number;
  publisherId: number;
  availability: AvailabilityState;
};

/**
 * Which plan reads the matches, from the planner's own estimate (EXPLAIN, ~1 ms):
 * - a word in more than WALK_MIN_SHARE of the listed books ("droit", "décentralisation"):
 *   walk the newest-first index and keep the first matches (a few thousand rows at most),
 *   then rank that window; reading the GIN index would mean tens of thousands of rows;
 * - otherwise read the GIN index (only the matches), up to SEARCH_CANDIDATES (any beyond are
 *   not ranked: a query that precise rarely has more), and rank them.
 * A walk that finds fewer matches than the estimate promised falls back to the GIN plan, so a
 * wrong estimate costs one bounded walk, never a scan of the catalog.
 */
const WALK_MIN_SHARE = 0.03;
const WALK_WINDOW = 96;
const SEARCH_CANDIDATES = 600;

async function fullTextSearch(text: string, page: number, filter: SearchFilter) {
  const db = getDb();
  const conditions = filterSql(filter);
  const [estimate, listed] = await Promise.all([estimateMatches(text, conditions), estimateListedBooks()]);
  const needed = page * CATALOG_PAGE_SIZE;
  let candidates: Candidate[] | null = null;
  let totalPrecision: TotalPrecision = 'exact';
  let total = 0;
  let walkedPlan = false;
  if (listed > 0 && estimate / listed >= WALK_MIN_SHARE) {
    const window = Math.max(WALK_WINDOW, needed);
    // Rows to walk for `window` matches at the estimated share, with a margin of 2.
    const rows = Math.min(200_000, Math.ceil((2 * window * listed) / estimate));
    const walked = await db.$queryRaw<Candidate[]>`
      SELECT r."id", r."themeId", r."publisherId", r."availability"
      FROM (
        SELECT b."id", b."themeId", b."publisherId", b."availability", b."publishedOn", b."searchVector"
        FROM "Book" b WHERE b."delistedAt" IS NULL ${conditions}
        ORDER BY b."publishedOn" DESC NULLS LAST, b."id" LIMIT ${rows}
      ) r, plainto_tsquery('librairie_fr', ${text}) q
      WHERE r."searchVector" @@ q
      ORDER BY ts_rank(${RANK_WEIGHTS}::float4[], r."searchVector", q) DESC, r."publishedOn" DESC NULLS LAST, r."id"
      LIMIT ${window}`;
    if (walked.length >= window) {
      candidates = walked;
      walkedPlan = true;
      totalPrecision = 'about';
      total = Math.max(Math.round(estimate), walked.length);
    }
  }
  if (candidates === null) {
    candidates = await db.$queryRaw<Candidate[]>`
      SELECT c."id", c."themeId", c."publisherId", c."availability"
      FROM (
        SELECT b."id", b."themeId", b."publisherId", b."availability", b."publishedOn",
               ts_rank(${RANK_WEIGHTS}::float4[], b."searchVector", q) AS rank
        FROM "Book" b, plainto_tsquery('librairie_fr', ${text}) q
        WHERE b."delistedAt" IS NULL AND b."searchVector" @@ q ${conditions}
        LIMIT ${SEARCH_CANDIDATES + 1}
      ) c
      ORDER BY c.rank DESC, c."publishedOn" DESC NULLS LAST, c."id"`;
    total = candidates.length;
    if (candidates.length > SEARCH_CANDIDATES) {
      candidates = candidates.slice(0, SEARCH_CANDIDATES);
      totalPrecision = estimate > SEARCH_CANDIDATES ? 'about' : 'atLeast';
      total = Math.max(Math.round(estimate), SEARCH_CANDIDATES);
    }
  }
  if (candidates.length === 0) return { ...EMPTY_LIST, page, facetSample: 0, facets: NO_FACETS };
  const pageIds = candidates.slice(needed - CATALOG_PAGE_SIZE, needed).map((c) => c.id);
  const sample = candidates.slice(0, SEARCH_FACET_SAMPLE);
  const [books, facets] = await Promise.all([
    db.book.findMany({ where: { id: { in: pageIds } }, select: { id: true, ...BOOK_CARD_SELECT } }),
    countFacets(sample),
  ]);
  const byId = new Map(books.map((book) => [book.id, book]));
  // A walk reads one more window per page: the reader can go on up to the listings' cap. The
  // GIN plan ranked SEARCH_CANDIDATES at most: pages stop there.
  const reachable = walkedPlan ? Math.min(total, LISTING_COUNT_CAP) : candidates.length;
  return {
    books: pageIds.flatMap((id) => {
      const book = byId.get(id);
      return book ? [toBookCard(book)] : [];
    }),
    total,
    totalPrecision,
    page,
    pageCount: Math.max(1, Math.ceil(reachable / CATALOG_PAGE_SIZE)),
    // Results are ranked, not in an index's order: no page is reached by key.
    byKey: false,
    nextKey: null,
    facetSample: sample.length,
    facets,
  };
}

function filterSql(filter: SearchFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.themeIds) conditions.push(Prisma.sql`AND b."themeId" = ANY(${filter.themeIds}::int[])`);
  if (filter.publisherId !== undefined) conditions.push(Prisma.sql`AND b."publisherId" = ${filter.publisherId}`);
  if (filter.availability) {
    conditions.push(Prisma.sql`AND b."availability" = ${filter.availability}::"AvailabilityState"`);
  }
  return conditions.length > 0 ? Prisma.join(conditions, ' ') : Prisma.empty;
}

/** The planner's estimate of the matches (from the column's statistics), without reading them. */
async function estimateMatches(text: string, conditions: Prisma.Sql): Promise<number> {
  const [row] = await getDb().$queryRaw<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Book" b
    WHERE b."delistedAt" IS NULL AND b."searchVector" @@ plainto_tsquery('librairie_fr', ${text}) ${conditions}`;
  return row?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
}

/** Listed books, as the statistics know them (pg_class), without counting; read once a minute. */
let listedEstimate: { rows: number; readAt: number } | null = null;

async function estimateListedBooks(): Promise<number> {
  if (listedEstimate && Date.now() - listedEstimate.readAt < 60_000) return listedEstimate.rows;
  const [row] = await getDb().$queryRaw<{ rows: number }[]>`
    SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = '"Book"'::regclass`;
  listedEstimate = { rows: row?.rows ?? 0, readAt: Date.now() };
  return listedEstimate.rows;
}

async function countFacets(sample: Candidate[]): Promise<SearchResult['facets']> {
  const count = <K>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  };
  const db = getDb();
  const publisherCounts = count(sample.map((c) => c.publisherId)).slice(0, FACET_OPTIONS);
  const themeIds = [...new Set(sample.map((c) => c.themeId))];
  const [publishers, themes] = await Promise.all([
    db.publisher.findMany({
      where: { id: { in: publisherCounts.map(([id]) => id) } },
      select: { id: true, slug: true, name: true },
    }),
    // Themes are offered at the root of the tree ("Droit", "Histoire"): few, and broad enough.
    db.$queryRaw<{ id: number; path: string; name: string }[]>`
      SELECT t."id", r."path", r."name" FROM "Theme" t
      JOIN "Theme" r ON r."path" = split_part(t."path", '/', 1)
      WHERE t."id" = ANY(${themeIds}::int[])`,
  ]);
  const rootOf = new Map(themes.map((t) => [t.id, t]));
  const rootCounts = count(sample.flatMap((c) => rootOf.get(c.themeId)?.path ?? []));
  const roots = [...rootOf.values()];
  return {
    themes: rootCounts.slice(0, FACET_OPTIONS).flatMap(([path, n]) => {
      const root = roots.find((r) => r.path === path);
      return root ? [{ key: root.path, label: root.name, count: n }] : [];
    }),
    publishers: publisherCounts.flatMap(([id, n]) => {
      const publisher = publishers.find((p) => p.id === id);
      return publisher ? [{ key: publisher.slug, label: publisher.name, count: n }] : [];
    }),
    availability: count(sample.map((c) => c.availability)).flatMap(([state, n]) => {
      const urlValue = AVAILABILITY_URL_KEYS.get(state);
      return urlValue ? [{ key: urlValue, label: AVAILABILITY_STATE_LABELS[state], count: n }] : [];
    }),
  };
}

/**
 * Each word of 4 letters or more that no title or name of the catalog holds, replaced by the
 * most similar word that one does (ties: the most frequent). Null when nothing changes.
 */
async function correctWords(words: string[]): Promise<string[] | null> {
  const db = getDb();
  const corrected = await Promise.all(
    words.map(async (word) => {
      if (word.length < MIN_CORRECTABLE_WORD_LENGTH) return word;
      const rows = await db.$queryRaw<{ word: string; similarity: number }[]>`
        SELECT "word", similarity("word", ${word}) AS similarity
        FROM "SearchWord"
        WHERE "word" % ${word}
        ORDER BY "word" = ${word} DESC, similarity DESC, "bookCount" DESC, "word"
        LIMIT 1`;
      const best = rows[0];
      if (!best || best.word === word || best.similarity < MIN_SIMILARITY) return word;
      return best.word;
    }),
  );
  return corrected.some((word, index) => word !== words[index]) ? corrected : null;
}

/** /recherche: the URL's filters (slugs) resolved to ids; an unknown one matches nothing. */
export async function searchCatalog(query: {
  q: string;
  page: number;
  theme?: string;
  editeur?: string;
  disponibilite?: keyof typeof AVAILABILITY_URL_VALUES;
}): Promise<SearchResult> {
  const filter = await resolveCatalogFilter({ ...query, tri: 'nouveautes' });
  if (!filter) {
    return {
      ...EMPTY_LIST,
      page: query.page,
      words: [],
      isbnMatch: false,
      correctedQuery: null,
      facetSample: 0,
      facets: NO_FACETS,
    };
  }
  return searchBooks(query.q, query.page, filter);
}
