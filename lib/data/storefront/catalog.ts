import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AVAILABILITY_URL_VALUES } from '@/lib/catalog/availability-filter';
import type { AvailabilityState } from '@/lib/availability';
import type { CatalogQuery, CatalogSort } from '@/lib/validation/catalog-query';
import { CATALOG_PAGE_SIZE, LISTING_COUNT_CAP } from '@/lib/shop/config';
import { BOOK_CARD_SELECT, toBookCard, type BookCard } from './book-selects';

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

// Each order ends on the id so pages never overlap; each matches a partial index of the
// migration 20261202100000_onix_supplies_search (prix-decroissant reads the price index backwards).
const ORDER_BY: Record<CatalogSort, Prisma.BookOrderByWithRelationInput[]> = {
  nouveautes: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  titre: [{ sortTitle: 'asc' }, { id: 'asc' }],
  'prix-croissant': [{ publisherPriceCents: 'asc' }, { id: 'asc' }],
  'prix-decroissant': [{ publisherPriceCents: 'desc' }, { id: 'desc' }],
};

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
  return { total, totalPrecision, page, pageCount: Math.max(1, Math.ceil(reachable / pageSize)) };
}

export async function listBooks(
  filter: BookFilter,
  options: { sort: CatalogSort; page: number; pageSize?: number },
): Promise<BookList> {
  const pageSize = options.pageSize ?? CATALOG_PAGE_SIZE;
  const where = bookWhere(filter);
  const db = getDb();
  const [counted, rows] = await Promise.all([
    db.book.count({ where, take: LISTING_COUNT_CAP + 1 }),
    db.book.findMany({
      where,
      orderBy: ORDER_BY[options.sort],
      skip: (options.page - 1) * pageSize,
      take: pageSize,
      select: BOOK_CARD_SELECT,
    }),
  ]);
  return {
    books: rows.map(toBookCard),
    ...pageOf(
      Math.min(counted, LISTING_COUNT_CAP),
      counted > LISTING_COUNT_CAP ? 'atLeast' : 'exact',
      options.page,
      pageSize,
    ),
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
    orderBy: ORDER_BY.nouveautes,
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

export const EMPTY_LIST: BookList = { books: [], total: 0, totalPrecision: 'exact', page: 1, pageCount: 1 };

/** /livres: the whole catalog with the reader's filters. */
export async function listCatalog(query: CatalogQuery): Promise<BookList> {
  const filter = await resolveCatalogFilter(query);
  if (!filter) return { ...EMPTY_LIST, page: query.page };
  return listBooks(filter, { sort: query.tri, page: query.page });
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
    listBooks(filter, { sort: query.tri, page: query.page }),
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
