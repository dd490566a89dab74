import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { describeBookAvailability } from '@/lib/catalog/book-availability';

// What a book card needs, and nothing more.
export const BOOK_CARD_SELECT = {
  ean: true,
  title: true,
  subtitle: true,
  coverPath: true,
  publisherPriceCents: true,
  publishedOn: true,
  supplierAvailabilityCode: true,
  expectedOn: true,
  publisher: { select: { name: true, slug: true } },
  contributors: {
    where: { role: 'A01' },
    orderBy: { position: 'asc' },
    select: { contributor: { select: { name: true, slug: true } } },
  },
  stock: { select: { onHand: true } },
  supplier: { select: { leadTimeMinDays: true, leadTimeMaxDays: true } },
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
    availability: describeBookAvailability(row),
  };
}
