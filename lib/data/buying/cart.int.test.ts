import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_BOOK_EAN } from '@/prisma/demo-catalog/seed-book';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';

const db = openTestDatabase();
let cart: typeof import('./cart');

beforeAll(async () => {
  cart = await import('./cart');
});

describe('cart', () => {
  it('creates a cart, adds, sets and removes lines', async () => {
    const added = await cart.changeCartLine(null, { ean: SEED_BOOK_EAN, quantity: 1 }, 'add');
    if (!added.ok) throw new Error(added.message);
    await cart.changeCartLine(added.cartId, { ean: SEED_BOOK_EAN, quantity: 2 }, 'add');
    let view = await cart.getCartView(added.cartId, new Date('2026-11-30T09:00:00Z'));
    expect(view.lines.map((l) => [l.ean, l.quantity])).toEqual([[SEED_BOOK_EAN, 3]]);
    expect(view.homeDelivery?.totals).toMatchObject({ goodsCents: 8700, shippingCents: 1, totalInclVatCents: 8701 });
    expect(view.shopPickup?.totals).toMatchObject({ shippingCents: 0, totalInclVatCents: 8700 });
    expect(view.deliveryWindow?.label).toBe('Livraison estimée entre le mercredi 9 et le mercredi 16 décembre');

    await cart.changeCartLine(added.cartId, { ean: SEED_BOOK_EAN, quantity: 0 }, 'set');
    view = await cart.getCartView(added.cartId, new Date());
    expect(view.lines).toEqual([]);
    expect(view.homeDelivery).toBeNull();
  });

  it('counts the copies of a cart for the header, 0 without a cart or for an unknown one', async () => {
    const added = await cart.changeCartLine(null, { ean: SEED_BOOK_EAN, quantity: 2 }, 'add');
    if (!added.ok) throw new Error(added.message);
    const other = await createTestBook(db, { onHand: 5, withSupplier: true, title: 'Pour le compteur' });
    await cart.changeCartLine(added.cartId, { ean: other.ean, quantity: 3 }, 'add');
    expect(await cart.countCartCopies(added.cartId)).toBe(5);
    await cart.changeCartLine(added.cartId, { ean: SEED_BOOK_EAN, quantity: 0 }, 'set');
    expect(await cart.countCartCopies(added.cartId)).toBe(3);
    expect(await cart.countCartCopies(null)).toBe(0);
    expect(await cart.countCartCopies('00000000-0000-4000-8000-000000000000')).toBe(0);
  });

  it('prices under the 35 € threshold with the shop fee, never below the legal floor', async () => {
    const added = await cart.changeCartLine(null, { ean: SEED_BOOK_EAN, quantity: 1 }, 'add');
    if (!added.ok) throw new Error(added.message);
    const view = await cart.getCartView(added.cartId, new Date());
    expect(view.homeDelivery?.totals).toMatchObject({ goodsCents: 2900, shippingCents: 490, totalInclVatCents: 3390 });
  });

  it('tells the reader how many copies remain when no distributor can supply more', async () => {
    const book = await createTestBook(db, { onHand: 2, withSupplier: false, title: 'Deux exemplaires' });
    const result = await cart.changeCartLine(null, { ean: book.ean, quantity: 3 }, 'add');
    expect(result).toEqual({
      ok: false,
      code: 'NOT_ENOUGH_COPIES',
      message: 'Plus que 2 exemplaires disponibles de « Deux exemplaires ».',
    });
    expect(await db.cartLine.count({ where: { bookId: book.id } })).toBe(0);
  });

  it('counts the copies of a hold past its expiry as free again, and releases that hold', async () => {
    const { order } = await placeTestOrder(db, { onHand: 2, withSupplier: false, quantity: 2 });
    const [hold] = await db.hold.findMany({ where: { orderId: order.id }, select: { id: true, bookId: true } });
    const book = await db.book.findUniqueOrThrow({ where: { id: hold!.bookId }, select: { ean: true } });
    // While the hold runs, both copies are taken.
    expect(await cart.changeCartLine(null, { ean: book.ean, quantity: 1 }, 'add')).toMatchObject({
      ok: false,
      code: 'NOT_ORDERABLE',
    });
    await db.hold.update({ where: { id: hold!.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const added = await cart.changeCartLine(null, { ean: book.ean, quantity: 2 }, 'add');
    expect(added.ok).toBe(true);
    expect(await db.hold.findUniqueOrThrow({ where: { id: hold!.id }, select: { status: true } })).toEqual({
      status: 'released',
    });
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: hold!.bookId }, select: { held: true } })).toEqual({
      held: 0,
    });
  });

  it('refuses a book that cannot be ordered and an unknown EAN, writing nothing', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: false, title: 'Introuvable' });
    const carts = await db.cart.count();
    expect(await cart.changeCartLine(null, { ean: book.ean, quantity: 1 }, 'add')).toMatchObject({
      ok: false,
      code: 'NOT_ORDERABLE',
    });
    expect(await cart.changeCartLine(null, { ean: '9780000000002', quantity: 1 }, 'add')).toMatchObject({
      ok: false,
      code: 'UNKNOWN_BOOK',
    });
    expect(await db.cart.count()).toBe(carts);
  });

  it('60 simultaneous "+1" on one line lose none: the line reaches the cap of 10, the rest are told why', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true, title: 'Très demandé' });
    const first = await cart.changeCartLine(null, { ean: book.ean, quantity: 1 }, 'add');
    if (!first.ok) throw new Error(first.message);
    const results = await Promise.all(
      Array.from({ length: 60 }, () => cart.changeCartLine(first.cartId, { ean: book.ean, quantity: 1 }, 'add')),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(9);
    const refused = results.filter((result) => !result.ok);
    expect(new Set(refused.map((result) => !result.ok && result.message))).toEqual(
      new Set(['Au plus 10 exemplaires de « Très demandé » par commande.']),
    );
    const line = await db.cartLine.findFirstOrThrow({ where: { cartId: first.cartId, bookId: book.id } });
    expect(line.quantity).toBe(10);
  });

  it('caps an online order at 30 copies', async () => {
    const books = await Promise.all([1, 2, 3, 4].map(() => createTestBook(db, { onHand: 0, withSupplier: true })));
    let cartId: string | null = null;
    for (const book of books.slice(0, 3)) {
      const added = await cart.changeCartLine(cartId, { ean: book.ean, quantity: 10 }, 'add');
      if (!added.ok) throw new Error(added.message);
      cartId = added.cartId;
    }
    expect(await cart.changeCartLine(cartId, { ean: books[3]!.ean, quantity: 1 }, 'add')).toMatchObject({
      ok: false,
      code: 'ORDER_TOO_LARGE',
    });
    expect(await db.cartLine.count({ where: { cartId: cartId! } })).toBe(3);
  });
});
