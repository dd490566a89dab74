import { beforeAll, describe, expect, it } from 'vitest';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { SAMPLE_CHECKOUT_FORM } from '@/scripts/test/fixtures/checkout-form';
import { openTestDatabase } from '@/scripts/test/test-database';
import { SHOP } from '@/lib/shop/config';

// placeOrder writes the order, its lines, its holds and the stock counter in one SQL statement
// (lib/data/buying/checkout-statements.ts): what it stores must be what the checkout computed.
const db = openTestDatabase();
let checkout: typeof import('./checkout');

beforeAll(async () => {
  checkout = await import('./checkout');
});

describe('placeOrder stores', () => {
  it('the order as priced, its lines, its holds and the held copies, to the millisecond', async () => {
    const inStock = await createTestBook(db, { onHand: 2, withSupplier: true, priceCents: 2450 });
    const [cartId] = await createCarts(db, inStock.id, 1, 3);
    const now = new Date('2026-12-02T09:15:30.123Z');
    const placed = await checkout.placeOrder(cartId!, SAMPLE_CHECKOUT_FORM, now, `client-${cartId}`);
    if (!placed.ok) throw new Error(placed.message);

    const order = await db.order.findUniqueOrThrow({
      where: { id: placed.order.id },
      include: { lines: true, holds: true },
    });
    expect(order).toMatchObject({
      reference: placed.order.reference,
      status: 'pending_payment',
      cartId,
      email: SAMPLE_CHECKOUT_FORM.email,
      fullName: SAMPLE_CHECKOUT_FORM.fullName,
      addressLine1: SAMPLE_CHECKOUT_FORM.addressLine1,
      addressLine2: null,
      postalCode: SAMPLE_CHECKOUT_FORM.postalCode,
      deliveryMethod: 'home_delivery',
      goodsCents: 3 * 2450,
      totalCents: placed.order.totalCents,
      shippingCents: placed.order.shippingCents,
      clientKey: `client-${cartId}`,
    });
    expect(order.holdExpiresAt.toISOString()).toBe(new Date(now.getTime() + SHOP.holdMinutes * 60_000).toISOString());
    expect(order.pricing).toMatchObject({ totals: { goodsCents: 3 * 2450, totalInclVatCents: order.totalCents } });
    // Two copies on the shelf, the third from the distributor: the window is the distributor's.
    expect(order.deliveryEarliestOn?.toISOString()).toMatch(/^2026-12-\d\dT00:00:00.000Z$/);
    expect(order.deliveryLatestOn!.getTime()).toBeGreaterThan(order.deliveryEarliestOn!.getTime());
    expect(order.lines).toEqual([
      expect.objectContaining({
        bookId: inStock.id,
        quantity: 3,
        unitPriceCents: 2450,
        lineTotalCents: 3 * 2450,
        fromStockQuantity: 2,
        backorderQuantity: 1,
        shipWithinMinDays: 6,
        shipWithinMaxDays: 10,
      }),
    ]);
    expect(order.holds).toEqual([expect.objectContaining({ bookId: inStock.id, quantity: 2, status: 'active' })]);
    expect(order.holds[0]!.expiresAt.toISOString()).toBe(
      new Date(now.getTime() + SHOP.provisionalHoldMinutes * 60_000).toISOString(),
    );
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: inStock.id } })).toMatchObject({
      onHand: 2,
      held: 2,
    });
  });
});
