import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AVAILABILITY_URL_VALUES } from '@/lib/catalog/availability-filter';
import type { AvailabilityState } from '@/lib/availability';
import type { CatalogQuery, CatalogSort } from '@/lib/validation/catalog-query';
import type { ListingKey } from '@/lib/validation/listing-key';
import { CATALOG_PAGE_SIZE, LAST_NUMBERED_PAGE, LISTING_COUNT_CAP } from '@/lib/shop/config';
import { BOOK_CARD_SELECT, toBookCard, type BookCard } from './book-selects';
import { listingIdsQuery, type ListingRow } from './listing-ids';

// Listings at a million titles (docs/decisions/010-supplies-search-and-listings-at-scale.md):
// every page reads a partial index on listed books in its sort order and stops after one page;
// the total is counted up to LISTING_COUNT_CAP, never over the whole catalog.

export type BookList = {
  books: BookCard[];
  /** Matching books: counted up to LISTING_COUNT_CAP, or estimated by the planner (search). */
  total: number;
  /** exact; atLeast: the count stopped at its cap; about: an estimate. */
  totalPrecision: TotalPrecision;
  page: number;
  pageCount: number;
  /** The page was reached by key (past the numbered pages): it has no number. */
  byKey: boolean;
  /** Set when the next page is reached by key: the key of this page's last book. */
  nextKey: ListingKey | null;
};

export type TotalPrecision = 'exact' | 'atLeast' | 'about';

/** Ids, resolved by the page from the URL's slugs: filters compare integers on indexed columns. */
export type BookFilter = {
  themeIds?: number[];
  collectionId?: number;
  publisherId?: number;
  contributorId?: number;
  availability?: AvailabilityState;
};

// The pages' orders, each on a partial index, are in listing-ids.ts; the facets' sample reads
// the newest-first one.
const NEWEST_FIRST: Prisma.BookOrderByWithRelationInput[] = [
  { publishedOn: { sort: 'desc', nulls: 'last' } },
  { id: 'asc' },
];

export function bookWhere(filter: BookFilter): Prisma.BookWhereInput {
  return {
    delistedAt: null,
    ...(filter.themeIds && { themeId: { in: filter.themeIds } }),
    ...(filter.collectionId !== undefined && { collectionId: filter.collectionId }),
    ...(filter.publisherId !== undefined && { publisherId: filter.publisherId }),
    ...(filter.contributorId !== undefined && { contributors: { some: { contributorId: filter.contributorId } } }),
    ...(filter.availability && { availability: filter.availability }),
  };
}

export function pageOf(total: number, totalPrecision: TotalPrecision, page: number, pageSize = CATALOG_PAGE_SIZE) {
  // Pages go as far as the books counted; an estimate is not a promise of pages.
  const reachable = totalPrecision === 'about' ? Math.min(total, LISTING_COUNT_CAP) : total;
  return {
    total,
    totalPrecision,
    page,
    pageCount: Math.max(1, Math.ceil(reachable / pageSize)),
    byKey: false,
    nextKey: null,
  };
}

/**
 * One page of a listing: numbered (OFFSET, up to LAST_NUMBERED_PAGE) or after a key. One row
 * more than the page is read to know whether a page follows; past the numbered pages its link
 * carries the key of the last book shown.
 */
export async function listBooks(
  filter: BookFilter,
  options: { sort: CatalogSort; page: number; after?: ListingKey; pageSize?: number },
): Promise<BookList> {
  const pageSize = options.pageSize ?? CATALOG_PAGE_SIZE;
  const { sort, after } = options;
  const page = Math.min(options.page, LAST_NUMBERED_PAGE);
  const db = getDb();
  const position = after ? { after } : { offset: (page - 1) * pageSize };
  const [counted, rows] = await Promise.all([
    db.book.count({ where: bookWhere(filter), take: LISTING_COUNT_CAP + 1 }),
    db.$queryRaw<ListingRow[]>(listingIdsQuery(filter, sort, position, pageSize + 1)),
  ]);
  const shown = rows.slice(0, pageSize);
  const cards =
    shown.length === 0
      ? []
      : await db.book.findMany({
          where: { id: { in: shown.map((row) => row.id) } },
          select: { id: true, ...BOOK_CARD_SELECT },
        });
  const byId = new Map(cards.map((card) => [card.id, toBookCard(card)]));
  const numbered = pageOf(
    Math.min(counted, LISTING_COUNT_CAP),
    counted > LISTING_COUNT_CAP ? 'atLeast' : 'exact',
    page,
    pageSize,
  );
  const last = shown.at(-1);
  const goesOnByKey = after !== undefined || page >= numbered.pageCount;
  return {
    ...numbered,
    // A book delisted between the two reads has no card: the page shows one book fewer.
    books: shown.flatMap((row) => byId.get(row.id) ?? []),
    byKey: after !== undefined,
    nextKey: rows.length > pageSize && goesOnByKey && last ? { value: last.key, id: last.id } : null,
  };
}

export type FacetOption = { name: string; slug: string; count: number };

/**
 * The publishers and collections most present among the newest LISTING_FACET_SAMPLE books of a
 * listing: what the filters offer, instead of every publisher of the catalog.
 */
export async function listTopFacets(
  filter: BookFilter,
  limit: number,
): Promise<{ publishers: FacetOption[]; collections: FacetOption[] }> {
  const db = getDb();
  // Sampled newest first whatever the sort: one index per filter serves that order (a price or
  // title walk filtered by a rare availability would read thousands of rows), and the options
  // stay the same when the reader changes the sort.
  const sample = await db.book.findMany({
    where: bookWhere(filter),
    orderBy: NEWEST_FIRST,
    take: LISTING_FACET_SAMPLE,
    select: { publisherId: true, collectionId: true },
  });
  const top = (ids: (number | null)[]) => {
    const counts = new Map<number, number>();
    for (const id of ids) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
  };
  const topPublishers = top(sample.map((b) => b.publisherId));
  const topCollections = top(sample.map((b) => b.collectionId));
  const [publishers, collections] = await Promise.all([
    db.publisher.findMany({
      where: { id: { in: topPublishers.map(([id]) => id) } },
      select: { id: true, name: true, slug: true },
    }),
    db.collection.findMany({
      where: { id: { in: topCollections.map(([id]) => id) } },
      select: { id: true, name: true, slug: true },
    }),
  ]);
  const withCounts = (rows: { id: number; name: string; slug: string }[], counts: [number, number][]) =>
    counts.flatMap(([id, count]) => {
      const row = rows.find((r) => r.id === id);
      return row ? [{ name: row.name, slug: row.slug, count }] : [];
    });
  return { publishers: withCounts(publishers, topPublishers), collections: withCounts(collections, topCollections) };
}

/** Books of a listing the facets are counted on: cheap at any catalog size, and fresh. */
export const LISTING_FACET_SAMPLE = 500;

/** /livres: the URL's slugs resolved to ids; an unknown slug matches no book. */
export async function resolveCatalogFilter(query: CatalogQuery): Promise<BookFilter | null> {
  const db = getDb();
  const [themes, collection, publisher] = await Promise.all([
    query.theme
      ? db.theme.findMany({
          where: { OR: [{ path: query.theme }, { path: { startsWith: `${query.theme}/` } }] },
          select: { id: true },
        })
      : null,
    query.collection ? db.collection.findUnique({ where: { slug: query.collection }, select: { id: true } }) : null,
    query.editeur ? db.publisher.findUnique({ where: { slug: query.editeur }, select: { id: true } }) : null,
  ]);
  if ((themes && themes.length === 0) || (query.collection && !collection) || (query.editeur && !publisher)) {
    return null;
  }
  return {
    themeIds: themes?.map((t) => t.id),
    collectionId: collection?.id,
    publisherId: publisher?.id,
    availability: query.disponibilite ? AVAILABILITY_URL_VALUES[query.disponibilite] : undefined,
  };
}

/** /theme/…: the ids of the theme and its sub-themes. */
export async function listThemeSubtreeIds(path: string): Promise<number[]> {
  const themes = await getDb().theme.findMany({
    where: { OR: [{ path }, { path: { startsWith: `${path}/` } }] },
    select: { id: true },
  });
  return themes.map((t) => t.id);
}

export const EMPTY_LIST: BookList = {
  books: [],
  total: 0,
  totalPrecision: 'exact',
  page: 1,
  pageCount: 1,
  byKey: false,
  nextKey: null,
};

/** /livres: the whole catalog with the reader's filters. */
export async function listCatalog(query: CatalogQuery): Promise<BookList> {
  const filter = await resolveCatalogFilter(query);
  if (!filter) return { ...EMPTY_LIST, page: query.page };
  return listBooks(filter, { sort: query.tri, page: query.page, after: query.after });
}

/** Publishers and collections the filters of /livres offer. */
export const CATALOG_FACET_OPTIONS = 12;

/**
 * /livres: the page of books and the filters' options (the top publishers and collections of
 * this listing, plus the ones selected in the URL, so the form always shows the current filter).
 */
export async function getCatalogPage(query: CatalogQuery) {
  const filter = await resolveCatalogFilter(query);
  if (!filter) return { list: { ...EMPTY_LIST, page: query.page }, publishers: [], collections: [] };
  const db = getDb();
  const [list, facets, selectedPublisher, selectedCollection] = await Promise.all([
    listBooks(filter, { sort: query.tri, page: query.page, after: query.after }),
    listTopFacets(filter, CATALOG_FACET_OPTIONS),
    query.editeur
      ? db.publisher.findUnique({ where: { slug: query.editeur }, select: { name: true, slug: true } })
      : null,
    query.collection
      ? db.collection.findUnique({ where: { slug: query.collection }, select: { name: true, slug: true } })
      : null,
  ]);
  const withSelected = (options: FacetOption[], selected: { name: string; slug: string } | null) =>
    selected && !options.some((o) => o.slug === selected.slug) ? [{ ...selected, count: 0 }, ...options] : options;
  return {
    list,
    publishers: withSelected(facets.publishers, selectedPublisher),
    collections: withSelected(facets.collections, selectedCollection),
  };
}
