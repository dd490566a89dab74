import { describe, expect, inject, it } from 'vitest';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { placeOrdersFromProcesses } from '@/scripts/test/run-place-orders';
import { openTestDatabase } from '@/scripts/test/test-database';

// 200 buyers, two app instances (two processes, two connection pools), one PostgreSQL.
const db = openTestDatabase();

async function stockOf(bookId: number) {
  const level = await db.stockLevel.findUniqueOrThrow({ where: { bookId } });
  const held = await db.hold.aggregate({ where: { bookId, status: 'active' }, _sum: { quantity: true } });
  const lines = await db.orderLine.aggregate({
    where: { bookId },
    _sum: { fromStockQuantity: true, backorderQuantity: true },
    _count: true,
  });
  return { level, held: held._sum.quantity ?? 0, lines };
}

describe('holds under concurrency', () => {
  it('200 buyers of 5 copies with no supplier: exactly 5 held, 0 oversold, the others told why', async () => {
    const book = await createTestBook(db, { onHand: 5, withSupplier: false, title: 'Cinq exemplaires' });
    const carts = await createCarts(db, book.id, 200);
    const runs = await placeOrdersFromProcesses(inject('databaseUrl'), [carts.slice(0, 100), carts.slice(100)]);
    const results = runs.flatMap((run) => run.results);

    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(195);
    for (const r of refused) {
      expect(r.code).toBe('NOT_ORDERABLE');
      expect(r.message).toBe('« Cinq exemplaires » n’est plus disponible.');
    }
    const { level, held, lines } = await stockOf(book.id);
    expect(level).toMatchObject({ onHand: 5, held: 5 });
    expect(held).toBe(5);
    expect(lines._count).toBe(5);
    expect(lines._sum).toEqual({ fromStockQuantity: 5, backorderQuantity: 0 });
    // Refused buyers left nothing behind.
    expect(await db.order.count({ where: { lines: { some: { bookId: book.id } } } })).toBe(5);
  });

  it('with a supplier, the other 195 become backorders with the distributor lead time', async () => {
    const book = await createTestBook(db, { onHand: 5, withSupplier: true, title: 'Cinq et le distributeur' });
    const carts = await createCarts(db, book.id, 200);
    const runs = await placeOrdersFromProcesses(inject('databaseUrl'), [carts.slice(0, 100), carts.slice(100)]);
    const results = runs.flatMap((run) => run.results);
    expect(results.filter((r) => !r.ok)).toEqual([]);

    const { level, held, lines } = await stockOf(book.id);
    expect(level).toMatchObject({ onHand: 5, held: 5 });
    expect(held).toBe(5);
    expect(lines._sum).toEqual({ fromStockQuantity: 5, backorderQuantity: 195 });
    const backorders = await db.orderLine.findMany({ where: { bookId: book.id, backorderQuantity: { gt: 0 } } });
    expect(backorders).toHaveLength(195);
    for (const line of backorders) expect([line.shipWithinMinDays, line.shipWithinMaxDays]).toEqual([6, 10]);
    const fromShelf = await db.orderLine.findMany({ where: { bookId: book.id, fromStockQuantity: { gt: 0 } } });
    for (const line of fromShelf) expect([line.shipWithinMinDays, line.shipWithinMaxDays]).toEqual([0, 1]);
  });
});
