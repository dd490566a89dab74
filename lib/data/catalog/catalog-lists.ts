import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

// What the catalog desk lists (/admin/catalogue): books, people, publishers, collections,
// distributors and themes, searched by the words typed, a page at a time.

export const CATALOG_PAGE_SIZE = 50;

/** The words typed, accents and case folded, at most six. */
function typedWords(q: string | undefined): string[] {
  return (q ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 6);
}

/** Every word typed appears in `column` (already folded, or folded here by `fold`). */
function searchCondition(q: string | undefined, column: Prisma.Sql, fold = true): Prisma.Sql {
  const words = typedWords(q);
  if (words.length === 0) return Prisma.sql`TRUE`;
  const text = fold ? Prisma.sql`lower(unaccent(${column}))` : column;
  return Prisma.join(
    words.map((word) => Prisma.sql`${text} LIKE ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`),
    ' AND ',
  );
}

/** Books by EAN or words of the title and names, for the catalog's editing list. */
export async function searchBooksForEditing(q: string | undefined, page: number) {
  const digits = (q ?? '').replace(/[\s-]/g, '');
  // searchText is stored folded (lib/catalog/book-derived.ts).
  const where = /^\d{13}$/.test(digits)
    ? Prisma.sql`b."ean" = ${digits}`
    : searchCondition(q, Prisma.sql`b."searchText"`, false);
  return getDb().$queryRaw<
    { ean: string; title: string; publisherName: string; priceCents: number; delisted: boolean }[]
  >`
    SELECT b."ean", b."title", p."name" AS "publisherName", b."publisherPriceCents" AS "priceCents", b."delistedAt" IS NOT NULL AS "delisted"
    FROM "Book" b JOIN "Publisher" p ON p."id" = b."publisherId"
    WHERE ${where}
    ORDER BY b."updatedAt" DESC, b."id" DESC
    LIMIT ${CATALOG_PAGE_SIZE + 1} OFFSET ${(page - 1) * CATALOG_PAGE_SIZE}`;
}

export async function listContributors(q: string | undefined, page: number) {
  return getDb().$queryRaw<{ id: number; name: string; sortName: string; biography: string | null; books: number }[]>`
    SELECT c."id", c."name", c."sortName", c."biography",
           (SELECT count(*)::int FROM "BookContributor" bc WHERE bc."contributorId" = c."id") AS "books"
    FROM "Contributor" c WHERE ${searchCondition(q, Prisma.sql`c."name"`)}
    ORDER BY c."sortName", c."id" LIMIT ${CATALOG_PAGE_SIZE + 1} OFFSET ${(page - 1) * CATALOG_PAGE_SIZE}`;
}

export async function listPublishers(q: string | undefined, page: number) {
  return getDb().$queryRaw<{ id: number; name: string; books: number }[]>`
    SELECT p."id", p."name", (SELECT count(*)::int FROM "Book" b WHERE b."publisherId" = p."id") AS "books"
    FROM "Publisher" p WHERE ${searchCondition(q, Prisma.sql`p."name"`)}
    ORDER BY p."name", p."id" LIMIT ${CATALOG_PAGE_SIZE + 1} OFFSET ${(page - 1) * CATALOG_PAGE_SIZE}`;
}

export async function listCollections(q: string | undefined, page: number) {
  return getDb().$queryRaw<{ id: number; name: string; publisherId: number; publisherName: string }[]>`
    SELECT c."id", c."name", c."publisherId", p."name" AS "publisherName"
    FROM "Collection" c JOIN "Publisher" p ON p."id" = c."publisherId"
    WHERE ${searchCondition(q, Prisma.sql`(c."name" || ' ' || p."name")`)}
    ORDER BY c."name", c."id" LIMIT ${CATALOG_PAGE_SIZE + 1} OFFSET ${(page - 1) * CATALOG_PAGE_SIZE}`;
}

/** Publishers for a drop-down where one must be chosen (a collection's): by name, at most 500. */
export async function listPublisherOptions() {
  return getDb().publisher.findMany({ orderBy: { name: 'asc' }, take: 500, select: { id: true, name: true } });
}

export async function listSuppliersForEditing() {
  return getDb().supplier.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      gln: true,
      leadTimeMinDays: true,
      leadTimeMaxDays: true,
      defaultDiscountBasisPoints: true,
      returnOpensAfterDays: true,
      returnClosesAfterDays: true,
      returnNeedsAuthorization: true,
    },
  });
}

export async function listThemesForEditing() {
  return getDb().theme.findMany({
    orderBy: [{ path: 'asc' }],
    select: { id: true, name: true, path: true, depth: true, clilCode: true, themaCode: true },
  });
}
