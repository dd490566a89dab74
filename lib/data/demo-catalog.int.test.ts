import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { bookAvailabilityState } from '@/lib/catalog/book-derived';
import { isValidEan13 } from '@/lib/isbn';
import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';

let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

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
      select: {
        availability: true,
        supplierAvailabilityCode: true,
        expectedOn: true,
        stock: { select: { onHand: true } },
        supplier: { select: { leadTimeMinDays: true, leadTimeMaxDays: true } },
        stockMovements: { select: { quantity: true } },
      },
    });
    for (const book of books) {
      const onHand = book.stock?.onHand ?? 0;
      expect(book.availability).toBe(
        bookAvailabilityState({
          onHand,
          supplierCode: book.supplierAvailabilityCode,
          supplierLeadTime: book.supplier
            ? { minDays: book.supplier.leadTimeMinDays, maxDays: book.supplier.leadTimeMaxDays }
            : null,
          expectedDate: book.expectedOn,
        }),
      );
      expect(book.stockMovements.reduce((sum, m) => sum + m.quantity, 0)).toBe(onHand);
    }
  });

  it('has a theme tree at least four levels deep', async () => {
    const deepest = await db.theme.aggregate({ _max: { depth: true } });
    expect(deepest._max.depth).toBeGreaterThanOrEqual(4);
  });
});
