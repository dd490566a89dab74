import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AVAILABILITY_URL_VALUES } from '@/lib/catalog/availability-filter';
import type { CatalogQuery, CatalogSort } from '@/lib/validation/catalog-query';
import { CATALOG_PAGE_SIZE } from '@/lib/shop/config';
import { BOOK_CARD_SELECT, toBookCard, type BookCard } from './book-selects';

export type BookList = {
  books: BookCard[];
  total: number;
  page: number;
  pageCount: number;
};

export type BookFilter = {
  themePath?: string;
  collectionSlug?: string;
  publisherSlug?: string;
  contributorSlug?: string;
};

const ORDER_BY: Record<CatalogSort, Prisma.BookOrderByWithRelationInput[]> = {
  nouveautes: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  titre: [{ sortTitle: 'asc' }, { id: 'asc' }],
  'prix-croissant': [{ publisherPriceCents: 'asc' }, { id: 'asc' }],
  'prix-decroissant': [{ publisherPriceCents: 'desc' }, { id: 'asc' }],
};

export function bookWhere(filter: BookFilter): Prisma.BookWhereInput {
  const where: Prisma.BookWhereInput[] = [];
  if (filter.themePath) {
    // A theme lists its own books and those of every sub-theme.
    where.push({
      theme: { OR: [{ path: filter.themePath }, { path: { startsWith: `${filter.themePath}/` } }] },
    });
  }
  if (filter.collectionSlug) where.push({ collection: { slug: filter.collectionSlug } });
  if (filter.publisherSlug) where.push({ publisher: { slug: filter.publisherSlug } });
  if (filter.contributorSlug) {
    where.push({ contributors: { some: { contributor: { slug: filter.contributorSlug } } } });
  }
  return { AND: where };
}

export async function listBooks(
  where: Prisma.BookWhereInput,
  options: { sort: CatalogSort; page: number; pageSize?: number },
): Promise<BookList> {
  const pageSize = options.pageSize ?? CATALOG_PAGE_SIZE;
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.book.count({ where }),
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
    total,
    page: options.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** /livres: the whole catalog with the reader's filters. */
export async function listCatalog(query: CatalogQuery): Promise<BookList> {
  const where = bookWhere({
    themePath: query.theme,
    collectionSlug: query.collection,
    publisherSlug: query.editeur,
  });
  if (query.disponibilite) {
    where.availability = AVAILABILITY_URL_VALUES[query.disponibilite];
  }
  return listBooks(where, { sort: query.tri, page: query.page });
}
