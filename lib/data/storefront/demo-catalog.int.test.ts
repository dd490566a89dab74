import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBookAvailability } from '@/lib/catalog/book-availability';
import { isValidEan13 } from '@/lib/isbn';
import { DEMO_CATALOG } from '@/prisma/demo-catalog/catalog';
import { DEMO_COVERS } from '@/prisma/demo-catalog/covers';
import { openTestDatabase } from '@/scripts/test/test-database';

const db = openTestDatabase();

describe('demo catalog as loaded', () => {
  it('has at least 60 valid books covering every availability state', async () => {
    const books = await db.book.findMany({ select: { ean: true, availability: true } });
    expect(books.length).toBeGreaterThanOrEqual(60);
    expect(books.every((b) => isValidEan13(b.ean))).toBe(true);
    expect(new Set(books.map((b) => b.availability))).toEqual(
      new Set(['in_stock', 'to_order', 'pre_order', 'reprinting', 'out_of_print', 'unavailable']),
    );
  });

  it('stores the availability that the rules derive, and stock equal to its ledger', async () => {
    const books = await db.book.findMany({
      where: { ean: { in: DEMO_CATALOG.books.map((book) => book.ean) } },
      select: {
        availability: true,
        supplierAvailabilityCode: true,
        expectedOn: true,
        stock: { select: { onHand: true } },
        supplier: { select: { leadTimeMinDays: true, leadTimeMaxDays: true } },
        stockMovements: { select: { quantity: true } },
      },
    });
    expect(books).toHaveLength(DEMO_CATALOG.books.length);
    for (const book of books) {
      const onHand = book.stock?.onHand ?? 0;
      expect(book.availability).toBe(describeBookAvailability(book).state);
      expect(book.stockMovements.reduce((sum, m) => sum + m.quantity, 0)).toBe(onHand);
    }
  });

  it('has a theme tree at least four levels deep', async () => {
    const deepest = await db.theme.aggregate({ _max: { depth: true } });
    expect(deepest._max.depth).toBeGreaterThanOrEqual(4);
  });

  it('gives the books of prisma/demo-catalog/covers.ts their cover image, which public/ holds', async () => {
    const withCover = await db.book.findMany({
      where: { coverPath: { not: null }, ean: { in: DEMO_CATALOG.books.map((book) => book.ean) } },
      select: { ean: true, coverPath: true },
    });
    expect(withCover.map((book) => book.ean).sort()).toEqual(DEMO_COVERS.map((cover) => cover.ean).sort());
    for (const { coverPath } of withCover) expect(existsSync(path.join('public', coverPath ?? ''))).toBe(true);
  });
});
