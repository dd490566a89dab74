import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { createPaidOrder, createTestStaff, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { runStockDeskWorkers } from '@/scripts/test/run-stock-desk-workers';
import { cancelCounterOrder, createCounterOrder } from './counter-orders';
import { createPurchaseOrder, listPurchaseProposals, updatePurchaseOrderQuantities } from './purchase-orders';
import { receiveDelivery } from './receiving';
import type { Actor } from '@/lib/data/staff/staff';
import { adjustStock, setReorderThreshold } from './stock-levels';
import { listReturnableCopies, recordSupplierReturn } from './supplier-returns';

// The rest of the stock desk on a real PostgreSQL: purchase lists, returns to distributors,
// adjustments by hand, counter special orders.
let db: PrismaClient;
let actor: Actor;
let supplierId: number;

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.40' };
  supplierId = (await db.supplier.findFirstOrThrow({ where: { name: "L'Harmattan Diffusion" }, select: { id: true } }))
    .id;
});
afterAll(() => db.$disconnect());

const stockOf = (bookId: number) =>
  db.stockLevel.findUniqueOrThrow({ where: { bookId }, select: { onHand: true, held: true } });
const proposalFor = async (bookId: number) =>
  (await listPurchaseProposals())
    .flatMap((p) => p.lines.map((line) => ({ ...line, supplierId: p.supplier.id })))
    .find((line) => line.bookId === bookId);
let notes = 0;
const note = () => `BL-${process.pid}-${Date.now()}-${(notes += 1)}`;

describe('purchase lists', () => {
  it('propose what customers wait for and what fell below its threshold, less what is on order', async () => {
    const { book: awaited } = await createPaidOrder(db, { onHand: 0, withSupplier: true, quantity: 2 });
    const followed = await createTestBook(db, { onHand: 1, withSupplier: true });
    expect(await setReorderThreshold(actor, { ean: followed.ean, threshold: 4 })).toMatchObject({ ok: true });
    expect(await proposalFor(awaited.id)).toMatchObject({ supplierId, quantity: 2, forCustomerOrders: 2 });
    expect(await proposalFor(followed.id)).toMatchObject({ supplierId, quantity: 3, forCustomerOrders: 0 });

    const created = await createPurchaseOrder(actor, {
      supplierId,
      lines: [
        { bookId: awaited.id, quantity: 3 },
        { bookId: followed.id, quantity: 3 },
      ],
    });
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    // On order now: nothing more to propose for either.
    expect(await proposalFor(awaited.id)).toBeUndefined();
    expect(await proposalFor(followed.id)).toBeUndefined();
    const lines = await db.purchaseOrderLine.findMany({
      where: { purchaseOrderId: created.purchaseOrderId },
      orderBy: { bookId: 'asc' },
      select: { bookId: true, quantity: true, forCustomerOrders: true },
    });
    expect(lines).toEqual(
      [
        { bookId: awaited.id, quantity: 3, forCustomerOrders: 2 },
        { bookId: followed.id, quantity: 3, forCustomerOrders: 0 },
      ].sort((a, b) => a.bookId - b.bookId),
    );
    // Adjusted before sending: the old version is refused.
    const lineId = (
      await db.purchaseOrderLine.findFirstOrThrow({ where: { bookId: followed.id }, select: { id: true } })
    ).id;
    expect(
      await updatePurchaseOrderQuantities(actor, {
        purchaseOrderId: created.purchaseOrderId,
        version: 0,
        lines: [{ lineId, quantity: 0 }],
      }),
    ).toMatchObject({ ok: true, version: 1 });
    expect(
      await updatePurchaseOrderQuantities(actor, {
        purchaseOrderId: created.purchaseOrderId,
        version: 0,
        lines: [{ lineId, quantity: 2 }],
      }),
    ).toMatchObject({ ok: false, code: 'PURCHASE_ORDER_CHANGED' });
    expect(await proposalFor(followed.id)).toMatchObject({ quantity: 3 });
  });

  it("two members of staff preparing the same distributor's list at once: both lists are whole, one after the other", async () => {
    const { book } = await createPaidOrder(db, { onHand: 0, withSupplier: true });
    const item = { supplierId, lines: [{ bookId: book.id, quantity: 1 }] };
    const [a, b] = await runStockDeskWorkers(inject('databaseUrl'), [
      { kind: 'purchase-order', actor, items: [item] },
      { kind: 'purchase-order', actor, items: [item] },
    ]);
    // Both may order (staff may order more than proposed); each list is whole, none is lost.
    expect([a!.results[0], b!.results[0]].every((r) => r?.ok)).toBe(true);
    expect(await db.purchaseOrderLine.count({ where: { bookId: book.id } })).toBe(2);
  });

  it('refuses a book of another distributor', async () => {
    const other = await db.supplier.findFirstOrThrow({ where: { name: 'Sodis' }, select: { id: true } });
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    expect(
      await createPurchaseOrder(actor, { supplierId: other.id, lines: [{ bookId: book.id, quantity: 1 }] }),
    ).toMatchObject({
      ok: false,
      code: 'WRONG_SUPPLIER',
    });
  });
});

describe('returns to distributors', () => {
  const longAgo = new Date(Date.now() - 120 * 86_400_000);

  async function officeCopies(quantity: number, receivedAt = longAgo) {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true, priceCents: 2900 });
    const received = await receiveDelivery(
      actor,
      {
        supplierId,
        noteNumber: note(),
        purchaseOrder: null,
        lines: [{ ean: book.ean, quantity, discountBasisPoints: 3500, terms: 'on_approval' }],
      },
      receivedAt,
    );
    if (!received.ok) throw new Error(received.message);
    const line = await db.deliveryLine.findFirstOrThrow({ where: { bookId: book.id }, select: { id: true } });
    return { book, deliveryLineId: line.id };
  }

  it('sends back office copies within the window and expects their purchase price as credit', async () => {
    const { book, deliveryLineId } = await officeCopies(4);
    const returnable = (await listReturnableCopies()).flatMap((group) => group.lines);
    expect(returnable.find((line) => line.deliveryLineId === deliveryLineId)).toMatchObject({
      remaining: 4,
      available: 4,
    });
    const result = await recordSupplierReturn(actor, {
      supplierId,
      authorizationNumber: 'AR-2026-118',
      lines: [{ deliveryLineId, quantity: 3 }],
    });
    expect(result).toMatchObject({ ok: true, copies: 3, expectedCreditCents: 3 * 1787 });
    expect(await stockOf(book.id)).toEqual({ onHand: 1, held: 0 });
    expect(
      await db.stockMovement.findMany({
        where: { bookId: book.id, reason: 'SUPPLIER_RETURN' },
        select: { quantity: true },
      }),
    ).toEqual([{ quantity: -3 }]);
    // Only one copy of that line is left to return.
    expect(
      await recordSupplierReturn(actor, {
        supplierId,
        authorizationNumber: null,
        lines: [{ deliveryLineId, quantity: 2 }],
      }),
    ).toMatchObject({ ok: false, code: 'ALREADY_RETURNED' });
  });

  it('refuses copies too recent to return, firm copies, and copies held for a reader paying', async () => {
    const recent = await officeCopies(2, new Date());
    expect(
      await recordSupplierReturn(actor, {
        supplierId,
        authorizationNumber: null,
        lines: [{ deliveryLineId: recent.deliveryLineId, quantity: 1 }],
      }),
    ).toMatchObject({ ok: false, code: 'NOT_RETURNABLE' });

    const { book, deliveryLineId } = await officeCopies(1);
    // A reader is paying for the only copy.
    const cart = await db.cart.create({ data: { id: crypto.randomUUID() }, select: { id: true } });
    await db.cartLine.create({ data: { cartId: cart.id, bookId: book.id, quantity: 1 } });
    const { placeOrder } = await import('@/lib/data/buying/checkout');
    const { SAMPLE_CHECKOUT_FORM } = await import('@/scripts/test/fixtures/checkout-form');
    expect(await placeOrder(cart.id, SAMPLE_CHECKOUT_FORM, new Date(), `client-${cart.id}`)).toMatchObject({
      ok: true,
    });
    const result = await recordSupplierReturn(actor, {
      supplierId,
      authorizationNumber: null,
      lines: [{ deliveryLineId, quantity: 1 }],
    });
    expect(result).toMatchObject({ ok: false, code: 'NOT_ENOUGH_ON_HAND' });
    expect(await stockOf(book.id)).toEqual({ onHand: 1, held: 1 });
  });

  it('two returns of the same copies at once: one goes through', async () => {
    const { book, deliveryLineId } = await officeCopies(2);
    const item = { supplierId, authorizationNumber: null, lines: [{ deliveryLineId, quantity: 2 }] };
    const [a, b] = await runStockDeskWorkers(inject('databaseUrl'), [
      { kind: 'return', actor, items: [item] },
      { kind: 'return', actor, items: [item] },
    ]);
    expect([a!.results[0]!.ok, b!.results[0]!.ok].filter(Boolean)).toHaveLength(1);
    expect(await stockOf(book.id)).toEqual({ onHand: 0, held: 0 });
  });
});

describe('adjustments by hand', () => {
  it('casse and vol take copies off, a customer return puts one back, each in the ledger with who did it', async () => {
    const book = await createTestBook(db, { onHand: 3, withSupplier: false });
    expect(
      await adjustStock(actor, { ean: book.ean, reason: 'DAMAGED', quantity: 1, note: 'couverture déchirée' }),
    ).toEqual({
      ok: true,
      onHand: 2,
    });
    expect(await adjustStock(actor, { ean: book.ean, reason: 'THEFT', quantity: 2, note: null })).toEqual({
      ok: true,
      onHand: 0,
    });
    expect(await adjustStock(actor, { ean: book.ean, reason: 'THEFT', quantity: 1, note: null })).toMatchObject({
      ok: false,
      code: 'NOT_ENOUGH_ON_HAND',
    });
    expect(await adjustStock(actor, { ean: book.ean, reason: 'CUSTOMER_RETURN', quantity: 1, note: null })).toEqual({
      ok: true,
      onHand: 1,
    });
    const ledger = await db.stockMovement.findMany({
      where: { bookId: book.id },
      orderBy: { id: 'asc' },
      select: { quantity: true, reason: true, staffId: true, note: true },
    });
    expect(ledger.slice(1)).toEqual([
      { quantity: -1, reason: 'DAMAGED', staffId: actor.id, note: 'couverture déchirée' },
      { quantity: -2, reason: 'THEFT', staffId: actor.id, note: null },
      { quantity: 1, reason: 'CUSTOMER_RETURN', staffId: actor.id, note: null },
    ]);
    expect(
      (await db.book.findUniqueOrThrow({ where: { id: book.id }, select: { availability: true } })).availability,
    ).toBe('in_stock');
  });

  it('the ledger refuses to be changed or deleted', async () => {
    await expect(db.$executeRawUnsafe('UPDATE "StockMovement" SET "quantity" = 100')).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('DELETE FROM "StockMovement"')).rejects.toThrow(/append-only/);
  });

  it('two removals of the last copies at once never go below what is there', async () => {
    const book = await createTestBook(db, { onHand: 3, withSupplier: false });
    const items = Array.from({ length: 3 }, () => ({
      ean: book.ean,
      reason: 'DAMAGED' as const,
      quantity: 1,
      note: null,
    }));
    const [a, b] = await runStockDeskWorkers(inject('databaseUrl'), [
      { kind: 'adjust', actor, items },
      { kind: 'adjust', actor, items },
    ]);
    expect([...a!.results, ...b!.results].filter((r) => r.ok)).toHaveLength(3);
    expect(await stockOf(book.id)).toEqual({ onHand: 0, held: 0 });
  });
});

describe('counter special orders', () => {
  it('refuse a book its distributor cannot supply, and need a way to reach the customer', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: false });
    expect(
      await createCounterOrder(actor, {
        ean: book.ean,
        quantity: 1,
        fullName: 'M. Martin',
        email: 'martin@exemple.fr',
        phone: null,
        payment: 'paid',
        note: null,
        request: null,
      }),
    ).toMatchObject({ ok: false, code: 'NOT_ORDERABLE' });
  });

  it('join the purchase list, and cancelling one puts its set-aside copy back on the shelf', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true, priceCents: 1500 });
    const created = await createCounterOrder(actor, {
      ean: book.ean,
      quantity: 1,
      fullName: 'M. Martin',
      email: 'martin@exemple.fr',
      phone: null,
      payment: 'paid',
      note: 'Pour Noël',
      request: null,
    });
    if (!created.ok) throw new Error(created.message);
    expect(await proposalFor(book.id)).toMatchObject({ quantity: 1, forCustomerOrders: 1 });
    await receiveDelivery(actor, {
      supplierId,
      noteNumber: note(),
      purchaseOrder: null,
      lines: [{ ean: book.ean, quantity: 1, discountBasisPoints: 3000, terms: 'firm' }],
    });
    const order = await db.order.findUniqueOrThrow({
      where: { reference: created.reference },
      select: { version: true, status: true },
    });
    expect(order.status).toBe('ready_for_pickup');
    const cancelled = await cancelCounterOrder(actor, { reference: created.reference, version: order.version });
    expect(cancelled).toEqual({
      ok: true,
      message: 'Commande client annulée. 1 exemplaire remis en rayon. Rendez 15,00\u00a0€ au client en caisse.',
    });
    expect(await stockOf(book.id)).toEqual({ onHand: 1, held: 0 });
  });

  it('an online order cannot be cancelled as a counter order, and a counter order cannot be refunded through Stripe', async () => {
    const { order } = await placeTestOrder(db, { onHand: 1, withSupplier: false });
    expect(await cancelCounterOrder(actor, { reference: order.reference, version: 0 })).toMatchObject({
      ok: false,
      code: 'NOT_A_COUNTER_ORDER',
    });
  });
});
