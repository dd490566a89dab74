import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { SAMPLE_CHECKOUT_FORM } from '@/scripts/test/fixtures/checkout-form';
import { openTestDatabase } from '@/scripts/test/test-database';

const db = openTestDatabase();
let purge: typeof import('./purge');
let checkout: typeof import('@/lib/data/buying/checkout');

beforeAll(async () => {
  purge = await import('./purge');
  checkout = await import('@/lib/data/buying/checkout');
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('purgeAbandoned', () => {
  it('gives back the copies of an order that never got its payment page, and closes the order', async () => {
    const book = await createTestBook(db, { onHand: 2, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1, 2);
    // Placed three minutes ago; the app stopped before Stripe answered.
    const placed = await checkout.placeOrder(cartId!, SAMPLE_CHECKOUT_FORM, minutesAgo(3), `client-${cartId}`);
    if (!placed.ok) throw new Error(placed.message);
    await db.order.update({ where: { id: placed.order.id }, data: { createdAt: minutesAgo(3) } });
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({ held: 2 });

    await purge.purgeAbandoned(new Date());
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({ onHand: 2, held: 0 });
    expect(await db.hold.findMany({ where: { orderId: placed.order.id }, select: { status: true } })).toEqual([
      { status: 'released' },
    ]);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.order.id } })).status).toBe('expired');
  });

  it('keeps an order whose payment page is open and whose copies are still held', async () => {
    const book = await createTestBook(db, { onHand: 1, withSupplier: false });
    const [cartId] = await createCarts(db, book.id, 1);
    const placed = await checkout.placeOrder(cartId!, SAMPLE_CHECKOUT_FORM, new Date(), `client-${cartId}`);
    if (!placed.ok) throw new Error(placed.message);
    await checkout.attachCheckoutSession(placed.order.id, `cs_test_${randomUUID()}`, 'https://pay.example/');
    await purge.purgeAbandoned(new Date());
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.order.id } })).status).toBe('pending_payment');
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({ held: 1 });
  });

  it('deletes carts untouched for 30 days and empty ones after a day, keeps the others', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const [old, recent] = await createCarts(db, book.id, 2);
    const empty = randomUUID();
    const freshEmpty = randomUUID();
    await db.cart.createMany({ data: [{ id: empty }, { id: freshEmpty }] });
    await db.cart.update({ where: { id: old! }, data: { updatedAt: minutesAgo(31 * 24 * 60) } });
    await db.cart.update({ where: { id: empty }, data: { updatedAt: minutesAgo(25 * 60) } });

    await purge.purgeAbandoned(new Date());
    const left = await db.cart.findMany({
      where: { id: { in: [old!, recent!, empty, freshEmpty] } },
      select: { id: true },
    });
    expect(left.map((cart) => cart.id).sort()).toEqual([recent!, freshEmpty].sort());
  });
});
