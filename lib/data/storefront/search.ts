import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { AVAILABILITY_STATE_LABELS, type AvailabilityState } from '@/lib/availability';
import { AVAILABILITY_URL_VALUES } from '@/lib/catalog/availability-filter';
import { parseIsbn } from '@/lib/isbn';
import { logger } from '@/lib/observability/logger';
import { queryWords } from '@/lib/search/normalize';
import { MIN_CORRECTABLE_WORD_LENGTH } from '@/lib/search/search-words';
import { CATALOG_PAGE_SIZE, LISTING_COUNT_CAP } from '@/lib/shop/config';
import { BOOK_CARD_SELECT, toBookCard } from './book-selects';
import { EMPTY_LIST, pageOf, resolveCatalogFilter, type BookList, type TotalPrecision } from './catalog';
import { rankAndStore, SEARCH_CANDIDATES, type RankedMatches, type Ranking } from './search-candidates';
import { pruneSearchCache, recallCached, storeRanking } from './search-cache';
import type { CardRow } from './search-cards';

// Search at a million titles (docs/decisions/010-supplies-search-and-listings-at-scale.md):
// 1. an EAN, ISBN-13 or ISBN-10 (hyphens or not) opens that book first;
// 2. PostgreSQL full-text search (French stemming, accents folded: the generated column
//    Book.searchVector and its GIN index), every word required, ranked by ts_rank with the
//    title above names above the description, then newest first;
// 3. when that finds nothing, each unknown word is replaced by the closest word of the
//    catalog's titles and names (trigram similarity on SearchWord) and the search runs again.
// The matches are never all read nor counted (search-candidates.ts); facets are counted on the
// first SEARCH_FACET_SAMPLE ranked results. A query's ranking is kept briefly in the database
// (search-cache.ts, docs/decisions/033-search-at-a-million-titles.md).

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

  // The ranking (ids and facets) may come from the cache; the cards are always read fresh.
  // A plain read first: a hit costs one short statement, where planning the ranking's costs more.
  const key = JSON.stringify({ words, page, filter });
  let found = await recallCached<Ranking>(key);
  if (!found) {
    pruneSearchCacheNow();
    const exact = await rankQuery(key, words.join(' '), page, filter, null);
    found = exact;
    if (exact.ranking.matches.found === 0) {
      const corrected = await correctWords(words);
      if (corrected) found = await rankQuery(key, corrected.join(' '), page, filter, corrected.join(' '));
      // Nothing, and no word to correct ("zzzz"): kept too, stale after any write as the rest.
      else await storeRanking(key, exact.ranking, exact.snapshotXmin);
    }
  }
  const { ranking, cards } = found;
  if (ranking.matches.found === 0) return empty;
  return {
    ...resultPage(ranking.matches, page, cards),
    words,
    isbnMatch: false,
    correctedQuery: ranking.correctedQuery,
  };
}

/** At most once a minute per process, alongside a search that ranks: drops what expired. */
let prunedAt = 0;

function pruneSearchCacheNow() {
  if (Date.now() - prunedAt < 60_000) return;
  prunedAt = Date.now();
  pruneSearchCache().catch((error: unknown) => logger.warn({ err: error }, 'search cache: not pruned'));
}

/** `correctedQuery`: the text is the query's words corrected; kept even if it finds nothing. */
async function rankQuery(key: string, text: string, page: number, filter: SearchFilter, correctedQuery: string | null) {
  const conditions = filterSql(filter);
  // A filtered search: the planner's estimate of the filtered query is a better share than the
  // words' statistics alone (one more round trip, after a click on a facet).
  const givenShare = conditions === Prisma.empty ? null : await estimateFilteredShare(text, conditions);
  return rankAndStore({
    key,
    text,
    page,
    pageSize: CATALOG_PAGE_SIZE,
    conditions,
    givenShare,
    correctedQuery,
    storeEmpty: correctedQuery !== null,
  });
}

/** The page of cards of ranked matches, with their count as a reader reads it. */
function resultPage(ranked: RankedMatches, page: number, cards: CardRow[]) {
  const estimate = Math.round(ranked.share * ranked.listed);
  let total = ranked.found;
  let totalPrecision: TotalPrecision = 'exact';
  if (ranked.walked) {
    total = Math.max(estimate, ranked.found);
    totalPrecision = 'about';
  } else if (ranked.found > SEARCH_CANDIDATES) {
    total = Math.max(estimate, SEARCH_CANDIDATES);
    totalPrecision = estimate > SEARCH_CANDIDATES ? 'about' : 'atLeast';
  }
  const byId = new Map(cards.map((card) => [card.id, card]));
  // A walk reads one more window per page: the reader can go on up to the listings' cap. The
  // GIN plan ranked SEARCH_CANDIDATES at most: pages stop there.
  const reachable = ranked.walked ? Math.min(total, LISTING_COUNT_CAP) : Math.min(ranked.found, SEARCH_CANDIDATES);
  return {
    books: ranked.pageIds.flatMap((id) => {
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
    facetSample: ranked.sample,
    facets: {
      themes: ranked.themes,
      publishers: ranked.publishers,
      availability: ranked.availability.flatMap(({ state, count }) => {
        const urlValue = AVAILABILITY_URL_KEYS.get(state);
        return urlValue ? [{ key: urlValue, label: AVAILABILITY_STATE_LABELS[state], count }] : [];
      }),
    },
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

/** The planner's estimate of the filtered matches (EXPLAIN), as a share of the listed books. */
async function estimateFilteredShare(text: string, conditions: Prisma.Sql): Promise<number> {
  const db = getDb();
  const [[row], [listed]] = await Promise.all([
    db.$queryRaw<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>`
      EXPLAIN (FORMAT JSON) SELECT 1 FROM "Book" b
      WHERE b."delistedAt" IS NULL AND b."searchVector" @@ plainto_tsquery('librairie_fr', ${text}) ${conditions}`,
    db.$queryRaw<{ rows: number }[]>`
      SELECT greatest(reltuples, 1)::float8 AS rows FROM pg_class WHERE oid = '"Book"'::regclass`,
  ]);
  return (row?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0) / (listed?.rows ?? 1);
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
