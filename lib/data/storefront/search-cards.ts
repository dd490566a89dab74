import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { BOOK_CARD_SELECT } from './book-selects';

// The cards of a page of search results, read in the statement that finds their ids (the cache's
// read, or the ranking): one round trip less than a separate read. Exactly BOOK_CARD_SELECT's
// fields, as JSON (search-cards.int.test.ts compares them with Prisma's read of the same books).

export type CardRow = Prisma.BookGetPayload<{ select: typeof BOOK_CARD_SELECT }> & { id: number };

type CardJson = Omit<CardRow, 'publishedOn' | 'expectedOn'> & { publishedOn: string | null; expectedOn: string | null };

/** A JSON array of the cards of `ids` (an int[] expression), in the ids' order. */
export function cardsJsonSql(ids: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object(
      'id', b."id", 'ean', b."ean", 'title', b."title", 'subtitle', b."subtitle", 'coverPath', b."coverPath",
      'publisherPriceCents', b."publisherPriceCents", 'publishedOn', b."publishedOn",
      'supplierAvailabilityCode', b."supplierAvailabilityCode", 'expectedOn', b."expectedOn",
      'supplier', CASE WHEN s."id" IS NULL THEN NULL
                       ELSE json_build_object('leadTimeMinDays', s."leadTimeMinDays", 'leadTimeMaxDays', s."leadTimeMaxDays") END,
      'stock', (SELECT json_build_object('onHand', sl."onHand") FROM "StockLevel" sl WHERE sl."bookId" = b."id"),
      'publisher', json_build_object('name', p."name", 'slug', p."slug"),
      'contributors', coalesce((
        SELECT json_agg(json_build_object('contributor', json_build_object('name', c."name", 'slug', c."slug"))
                        ORDER BY bc."position")
        FROM "BookContributor" bc JOIN "Contributor" c ON c."id" = bc."contributorId"
        WHERE bc."bookId" = b."id" AND bc."role" = 'A01'
      ), '[]')
    ) ORDER BY i.ord), '[]')
    FROM unnest(${ids}) WITH ORDINALITY AS i(id, ord)
    JOIN "Book" b ON b."id" = i.id
    JOIN "Publisher" p ON p."id" = b."publisherId"
    LEFT JOIN "Supplier" s ON s."id" = b."supplierId"
  )`;
}

/** The rows of cardsJsonSql as Prisma reads them (dates of `date` columns at midnight UTC). */
export function cardRows(json: CardJson[]): CardRow[] {
  return json.map((row) => ({
    ...row,
    publishedOn: row.publishedOn === null ? null : new Date(row.publishedOn),
    expectedOn: row.expectedOn === null ? null : new Date(row.expectedOn),
  }));
}

export type { CardJson };
