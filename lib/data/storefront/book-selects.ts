import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { describeBookAvailability } from '@/lib/catalog/book-availability';

/** What lib/catalog/book-availability needs of the distributor (BookSupplyFacts). */
export const SUPPLY_FACTS_SELECT = {
  supplierAvailabilityCode: true,
  expectedOn: true,
  supplier: { select: { leadTimeMinDays: true, leadTimeMaxDays: true } },
} as const satisfies Prisma.BookSelect;

/** BookAvailabilityFacts: the distributor's facts and the copies on hand. */
export const AVAILABILITY_FACTS_SELECT = {
  ...SUPPLY_FACTS_SELECT,
  stock: { select: { onHand: true } },
} as const satisfies Prisma.BookSelect;

// What a book card needs, and nothing more.
export const BOOK_CARD_SELECT = {
  ean: true,
  title: true,
  subtitle: true,
  coverPath: true,
  publisherPriceCents: true,
  publishedOn: true,
  ...AVAILABILITY_FACTS_SELECT,
  publisher: { select: { name: true, slug: true } },
  contributors: {
    where: { role: 'A01' },
    orderBy: { position: 'asc' },
    select: { contributor: { select: { name: true, slug: true } } },
  },
} satisfies Prisma.BookSelect;

type BookCardRow = Prisma.BookGetPayload<{ select: typeof BOOK_CARD_SELECT }>;

export type BookCard = ReturnType<typeof toBookCard>;

export function toBookCard(row: BookCardRow) {
  return {
    ean: row.ean,
    title: row.title,
    subtitle: row.subtitle,
    coverPath: row.coverPath,
    priceCents: row.publisherPriceCents,
    publishedOn: row.publishedOn,
    publisher: row.publisher,
    authors: row.contributors.map((link) => link.contributor),
    availability: describeBookAvailability(row, new Date()),
  };
}
