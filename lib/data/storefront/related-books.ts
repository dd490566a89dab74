import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { BOOK_CARD_SELECT, toBookCard, type BookCard } from './book-selects';

// The rows of the book page that lead to the next book: "Du même auteur", "Dans la même
// collection", "Sur le même thème". Built to stay cheap at a million titles: one round trip
// for the ids (three index-bound branches), one for the cards. Plans at a million books:
// bench/related-books.ts.
//
// Listed books only (a delisted book has no page). Order of every row: in stock first, then the
// other states in the order of the AvailabilityState enum (to order, pre-order, reprinting, out of
// print, unavailable: PostgreSQL sorts an enum by its declaration), then the latest published,
// as the listings. Indexes relied on (migration 20261202200000_related_books_indexes):
// - "Book_listed_collection_availability_idx" and "Book_listed_theme_availability_idx", partial
//   on listed books, in this order: each row stops after its LIMIT, however big the collection
//   or theme;
// - "BookContributor"(contributorId, role, bookId DESC): an author's books, latest added first.
//   A contributor may have tens of thousands of titles ("Collectif"): only the
//   AUTHOR_CANDIDATES latest added of each author are sorted, so the cost is bounded.

/** Books per row. */
export const RELATED_ROW_SIZE = 6;

/** Books of one author considered for "Du même auteur" (the latest added). */
const AUTHOR_CANDIDATES = 200;

/** Authors of the book whose other books are listed (the first ones, in the order of the cover). */
const MAX_AUTHORS = 3;

/** What leads from a book to its neighbours (BookPage.relatedKeys). */
export type RelatedKeys = {
  bookId: number;
  /** The book's authors (ONIX role A01), in cover order. */
  authorIds: number[];
  collectionId: number | null;
  themeId: number;
};

export type RelatedBooks = { byAuthor: BookCard[]; inCollection: BookCard[]; onTheme: BookCard[] };

const ROWS = ['byAuthor', 'inCollection', 'onTheme'] as const;

type Row = (typeof ROWS)[number];

/** The SQL of the ids, exported for the benchmark that prints its plan (bench/related-books.ts). */
export function relatedBookIdsQuery(keys: RelatedKeys): Prisma.Sql {
  const authorIds = keys.authorIds.slice(0, MAX_AUTHORS);
  const order = Prisma.sql`ORDER BY b."availability", b."publishedOn" DESC NULLS LAST, b."id"`;
  // Each later row fetches enough to still fill itself once the books of earlier rows are removed.
  return Prisma.sql`
    SELECT "id", "row" FROM (
      (SELECT b."id", 0 AS "row", b."availability", b."publishedOn"
         FROM "Book" b
        WHERE b."id" IN (
                SELECT latest."bookId"
                  FROM unnest(${authorIds}::int[]) AS author("id")
                 CROSS JOIN LATERAL (
                   SELECT bc."bookId" FROM "BookContributor" bc
                    WHERE bc."contributorId" = author."id" AND bc."role" = 'A01'
                    ORDER BY bc."bookId" DESC
                    LIMIT ${AUTHOR_CANDIDATES}) latest)
          AND b."id" <> ${keys.bookId} AND b."delistedAt" IS NULL
        ${order}
        LIMIT ${RELATED_ROW_SIZE})
      UNION ALL
      (SELECT b."id", 1, b."availability", b."publishedOn"
         FROM "Book" b
        WHERE b."collectionId" = ${keys.collectionId} AND b."id" <> ${keys.bookId} AND b."delistedAt" IS NULL
        ${order}
        LIMIT ${2 * RELATED_ROW_SIZE})
      UNION ALL
      (SELECT b."id", 2, b."availability", b."publishedOn"
         FROM "Book" b
        WHERE b."themeId" = ${keys.themeId} AND b."id" <> ${keys.bookId} AND b."delistedAt" IS NULL
        ${order}
        LIMIT ${3 * RELATED_ROW_SIZE})
    ) b
    ORDER BY "row", b."availability", b."publishedOn" DESC NULLS LAST, b."id"`;
}

/** Up to RELATED_ROW_SIZE books per row; a book shows in the first row it belongs to only. */
export async function listRelatedBooks(keys: RelatedKeys): Promise<RelatedBooks> {
  const db = getDb();
  const found = await db.$queryRaw<{ id: number; row: number }[]>(relatedBookIdsQuery(keys));
  const rows: Record<Row, number[]> = { byAuthor: [], inCollection: [], onTheme: [] };
  const shown = new Set<number>();
  // In the page's order of rows, each in its own order (the query sorts them so).
  for (const { id, row: index } of found) {
    const row = ROWS[index];
    if (!row || rows[row].length === RELATED_ROW_SIZE || shown.has(id)) continue;
    rows[row].push(id);
    shown.add(id);
  }
  if (shown.size === 0) return { byAuthor: [], inCollection: [], onTheme: [] };
  const cards = await db.book.findMany({
    where: { id: { in: [...shown] } },
    select: { id: true, ...BOOK_CARD_SELECT },
  });
  const byId = new Map(cards.map((card) => [card.id, toBookCard(card)]));
  const cardsOf = (ids: number[]) => ids.flatMap((id) => byId.get(id) ?? []);
  return { byAuthor: cardsOf(rows.byAuthor), inCollection: cardsOf(rows.inCollection), onTheme: cardsOf(rows.onTheme) };
}
