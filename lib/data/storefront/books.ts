import 'server-only';
import { getDb } from '@/lib/db';
import { hyphenateIsbn, ean13ToIsbn10 } from '@/lib/isbn';
import { describeBookAvailability } from '@/lib/catalog/book-availability';
import { contributorRoleLabel, languageLabel, productFormLabel } from '@/lib/catalog/labels';
import { AVAILABILITY_FACTS_SELECT, BOOK_CARD_SELECT, toBookCard, type BookCard } from './book-selects';
import type { RelatedKeys } from './related-books';
import { listThemeAncestry, type ThemeLink } from './themes';

export type { BookCard };

export type BookPage = Awaited<ReturnType<typeof loadBookPage>>;

/** The book page's data, or null when no book has this EAN. */
export async function getBookPage(ean: string) {
  return loadBookPage(ean);
}

async function loadBookPage(ean: string) {
  // A delisted book (withdrawn by its distributors) is no longer a page of the shop.
  const row = await getDb().book.findUnique({
    where: { ean, delistedAt: null },
    select: {
      id: true,
      collectionId: true,
      themeId: true,
      ean: true,
      title: true,
      subtitle: true,
      description: true,
      pageCount: true,
      publishedOn: true,
      productForm: true,
      workType: true,
      languageCode: true,
      publisherPriceCents: true,
      coverPath: true,
      collectionNumber: true,
      ...AVAILABILITY_FACTS_SELECT,
      publisher: { select: { name: true, slug: true } },
      collection: { select: { name: true, slug: true } },
      theme: { select: { path: true } },
      contributors: {
        orderBy: { position: 'asc' },
        select: {
          role: true,
          contributorId: true,
          contributor: { select: { name: true, slug: true, biography: true } },
        },
      },
      pick: { select: { note: true, booksellerName: true } },
    },
  });
  if (!row) return null;
  const themes: ThemeLink[] = await listThemeAncestry(row.theme.path);
  return {
    ean: row.ean,
    isbn13: hyphenateIsbn(row.ean) ?? row.ean,
    isbn10: ean13ToIsbn10(row.ean),
    title: row.title,
    subtitle: row.subtitle,
    descriptionParagraphs: (row.description ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== ''),
    pageCount: row.pageCount,
    publishedOn: row.publishedOn,
    support: productFormLabel(row.productForm),
    workType: row.workType,
    language: languageLabel(row.languageCode),
    languageCode: row.languageCode,
    priceCents: row.publisherPriceCents,
    coverPath: row.coverPath,
    publisher: row.publisher,
    collection: row.collection,
    collectionNumber: row.collectionNumber,
    themes,
    contributors: row.contributors.map((link) => ({
      ...link.contributor,
      role: link.role,
      roleLabel: contributorRoleLabel(link.role),
    })),
    availability: describeBookAvailability(row),
    /** "Le mot du libraire", when a bookseller wrote one. */
    pick: row.pick,
    relatedKeys: {
      bookId: row.id,
      authorIds: row.contributors.filter((link) => link.role === 'A01').map((link) => link.contributorId),
      collectionId: row.collectionId,
      themeId: row.themeId,
    } satisfies RelatedKeys,
  };
}

export async function listFeaturedBooks(limit: number): Promise<BookCard[]> {
  const rows = await getDb().book.findMany({
    where: { featured: true, delistedAt: null },
    orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
    take: limit,
    select: BOOK_CARD_SELECT,
  });
  return rows.map(toBookCard);
}

/** Latest published titles (forthcoming ones excluded). */
export async function listNewBooks(limit: number, now: Date): Promise<BookCard[]> {
  const rows = await getDb().book.findMany({
    where: {
      delistedAt: null,
      publishedOn: { lte: now },
      availability: { notIn: ['out_of_print', 'unavailable'] },
    },
    // The order of the listed-books index (publishedOn DESC NULLS LAST, id): a walk, no sort.
    orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
    take: limit,
    select: BOOK_CARD_SELECT,
  });
  return rows.map(toBookCard);
}

export async function listForthcomingBooks(limit: number): Promise<BookCard[]> {
  const rows = await getDb().book.findMany({
    where: { availability: 'pre_order', delistedAt: null },
    orderBy: [{ expectedOn: 'asc' }, { id: 'asc' }],
    take: limit,
    select: BOOK_CARD_SELECT,
  });
  return rows.map(toBookCard);
}
