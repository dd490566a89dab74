import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { createPaidOrder, createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { runStockDeskWorkers } from '@/scripts/test/run-stock-desk-workers';
import { createCounterOrder } from './counter-orders';
import { changeOrderStatus } from '@/lib/data/order-desk/workflow';
import { createPurchaseOrder, markPurchaseOrderSent } from './purchase-orders';
import { receiveDelivery, type DeliveryInput } from './receiving';
import { recordRefundRequest, settleRefund } from '@/lib/data/order-desk/refunds';
import type { Actor } from '@/lib/data/staff/staff';

// Receiving deliveries on a real PostgreSQL: the ledger, copies given to waiting customers oldest
// first, orders moving forward, the purchase order, and the same parcel validated twice, one
// after the other and by two app instances at the same moment.
let db: PrismaClient;
let actor: Actor;
let supplierId: number;

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.20' };
  supplierId = (await db.supplier.findFirstOrThrow({ where: { name: "L'Harmattan Diffusion" }, select: { id: true } }))
    .id;
});
afterAll(() => db.$disconnect());

let notes = 0;
const note = () => `BL-${process.pid}-${Date.now()}-${(notes += 1)}`;

const delivery = (ean: string, quantity: number, extra: Partial<DeliveryInput> = {}): DeliveryInput => ({
  supplierId,
  noteNumber: note(),
  purchaseOrder: null,
  lines: [{ ean, quantity, discountBasisPoints: 3500, terms: 'firm' }],
  ...extra,
});

const ledgerOf = (bookId: number) =>
  db.stockMovement.findMany({
    where: { bookId },
    orderBy: { id: 'asc' },
    select: { quantity: true, reason: true, orderId: true, deliveryId: true, staffId: true },
  });

const stockOf = (bookId: number) =>
  db.stockLevel.findUniqueOrThrow({ where: { bookId }, select: { onHand: true, held: true } });

async function ledgerMatchesStock(bookId: number) {
  const sum = await db.stockMovement.aggregate({ where: { bookId }, _sum: { quantity: true } });
  expect((await stockOf(bookId)).onHand).toBe(sum._sum.quantity ?? 0);
}

describe('receiving a delivery', () => {
  it('serves the customer waiting first, shelves the rest, and the book is in stock (the issue’s walk-through)', async () => {
    const { order, book } = await createPaidOrder(db, { onHand: 0, withSupplier: true });
    const before = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { version: true } });
    const result = await receiveDelivery(actor, delivery(book.ean, 3));
    expect(result).toMatchObject({ ok: true, copies: 3, toShelf: 2 });
    if (!result.ok) return;
    expect(result.orders).toEqual([
      expect.objectContaining({
        reference: order.reference,
        stage: 'to_prepare',
        copies: [expect.objectContaining({ quantity: 1 })],
      }),
    ]);
    expect(await ledgerOf(book.id)).toEqual([
      { quantity: 3, reason: 'DELIVERY', orderId: null, deliveryId: result.deliveryId, staffId: actor.id },
      { quantity: -1, reason: 'ORDER_ALLOCATION', orderId: order.id, deliveryId: result.deliveryId, staffId: actor.id },
    ]);
    expect(await stockOf(book.id)).toEqual({ onHand: 2, held: 0 });
    await ledgerMatchesStock(book.id);
    expect(await db.book.findUniqueOrThrow({ where: { id: book.id }, select: { availability: true } })).toEqual({
      availability: 'in_stock',
    });
    const after = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true, version: true, lines: { select: { receivedQuantity: true } } },
    });
    expect(after).toEqual({ status: 'paid', version: before.version + 1, lines: [{ receivedQuantity: 1 }] });
    // The order desk can prepare it now.
    expect(
      await changeOrderStatus(actor, { reference: order.reference, version: after.version, transition: 'prepare' }),
    ).toMatchObject({ ok: true });
    const audit = await db.auditEntry.findMany({
      where: {
        OR: [
          { orderId: order.id, action: 'order.copies_allocated' },
          { action: 'stock.delivery_received', staffId: actor.id },
        ],
      },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['order.copies_allocated', 'stock.delivery_received']),
    );
  });

  it('gives scarce copies to the oldest order, and the next one keeps waiting', async () => {
    const first = await createPaidOrder(db, { onHand: 0, withSupplier: true, quantity: 2 });
    const { order: second } = await createPaidOrder(db, { onHand: 0, withSupplier: true });
    // The second order is for another book: make it wait for the same one.
    await db.orderLine.updateMany({ where: { orderId: second.id }, data: { bookId: first.book.id } });
    const result = await receiveDelivery(actor, delivery(first.book.ean, 2));
    expect(result.ok && result.orders.map((o) => [o.reference, o.stage])).toEqual([
      [first.order.reference, 'to_prepare'],
    ]);
    expect(result.ok && result.toShelf).toBe(0);
    const next = await receiveDelivery(actor, delivery(first.book.ean, 1));
    expect(next.ok && next.orders.map((o) => [o.reference, o.stage])).toEqual([[second.reference, 'to_prepare']]);
    await ledgerMatchesStock(first.book.id);
  });

  it('makes a counter special order "prête au retrait" when its copy arrives', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const created = await createCounterOrder(actor, {
      ean: book.ean,
      quantity: 1,
      fullName: 'Mme Claire Dupont',
      email: null,
      phone: '06 11 22 33 44',
      payment: 'at_pickup',
      note: null,
      request: null,
    });
    expect(created).toMatchObject({ ok: true, totalCents: 2000 });
    if (!created.ok) return;
    const result = await receiveDelivery(actor, delivery(book.ean, 1));
    expect(result.ok && result.orders).toEqual([
      expect.objectContaining({ reference: created.reference, origin: 'counter', stage: 'ready_for_pickup' }),
    ]);
    const order = await db.order.findUniqueOrThrow({
      where: { reference: created.reference },
      select: { status: true, readyForPickupAt: true, paidAt: true, version: true },
    });
    expect(order).toMatchObject({ status: 'ready_for_pickup', paidAt: null });
    expect(order.readyForPickupAt).toBeInstanceOf(Date);
    // Collected: paid at the till at that moment.
    expect(
      await changeOrderStatus(actor, { reference: created.reference, version: order.version, transition: 'collect' }),
    ).toMatchObject({ ok: true });
    const collected = await db.order.findUniqueOrThrow({
      where: { reference: created.reference },
      select: { status: true, paidAt: true },
    });
    expect(collected.status).toBe('collected');
    expect(collected.paidAt).toBeInstanceOf(Date);
  });

  it('refuses the same delivery note twice and writes nothing the second time', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const input = delivery(book.ean, 2);
    expect(await receiveDelivery(actor, input)).toMatchObject({ ok: true });
    const again = await receiveDelivery(actor, input);
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_RECEIVED' });
    expect(!again.ok && again.message).toMatch(/a déjà été réceptionné le \d\d\/\d\d\/\d{4} \d\d:\d\d par Libraire/);
    expect(await stockOf(book.id)).toEqual({ onHand: 2, held: 0 });
    expect(await db.deliveryLine.count({ where: { bookId: book.id } })).toBe(1);
  });

  it('refuses an unknown EAN whole: nothing of the delivery is written', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const input = delivery(book.ean, 1);
    input.lines.push({ ean: '9780000000002', quantity: 1, discountBasisPoints: 0, terms: 'firm' });
    expect(await receiveDelivery(actor, input)).toMatchObject({ ok: false, code: 'UNKNOWN_BOOK' });
    expect(await db.delivery.count({ where: { noteNumber: input.noteNumber } })).toBe(0);
    expect(await stockOf(book.id)).toEqual({ onHand: 0, held: 0 });
  });

  it('stores the purchase price from the discount, and office copies with their date', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true, priceCents: 2900 });
    const result = await receiveDelivery(actor, {
      ...delivery(book.ean, 1),
      lines: [{ ean: book.ean, quantity: 4, discountBasisPoints: 3500, terms: 'on_approval' }],
    });
    expect(result.ok).toBe(true);
    const line = await db.deliveryLine.findFirstOrThrow({
      where: { bookId: book.id },
      select: {
        terms: true,
        unitCostExclVatCents: true,
        publisherPriceCents: true,
        delivery: { select: { receivedAt: true } },
      },
    });
    expect(line).toMatchObject({ terms: 'on_approval', unitCostExclVatCents: 1787, publisherPriceCents: 2900 });
    expect(Math.abs(line.delivery.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('receives against a sent purchase order, records what is still missing, and refuses a stale page', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const created = await createPurchaseOrder(actor, { supplierId, lines: [{ bookId: book.id, quantity: 5 }] });
    if (!created.ok) throw new Error(created.message);
    const id = created.purchaseOrderId;
    expect(await receiveDelivery(actor, delivery(book.ean, 1, { purchaseOrder: { id, version: 0 } }))).toMatchObject({
      ok: false,
      code: 'NOT_SENT',
    });
    const sent = await markPurchaseOrderSent(actor, {
      purchaseOrderId: id,
      version: 0,
      sentOn: new Date('2026-12-01T00:00:00Z'),
    });
    if (!sent.ok) throw new Error(sent.message);
    expect(
      await receiveDelivery(actor, delivery(book.ean, 3, { purchaseOrder: { id, version: sent.version } })),
    ).toMatchObject({
      ok: true,
    });
    // The same page posted again (its version is stale), even with another note number.
    expect(
      await receiveDelivery(actor, delivery(book.ean, 3, { purchaseOrder: { id, version: sent.version } })),
    ).toMatchObject({
      ok: false,
      code: 'PURCHASE_ORDER_CHANGED',
    });
    const order = await db.purchaseOrder.findUniqueOrThrow({
      where: { id },
      select: { status: true, version: true, lines: { select: { receivedQuantity: true } } },
    });
    expect(order).toEqual({ status: 'sent', version: sent.version + 1, lines: [{ receivedQuantity: 3 }] });
    expect(
      await receiveDelivery(actor, delivery(book.ean, 2, { purchaseOrder: { id, version: order.version } })),
    ).toMatchObject({
      ok: true,
    });
    expect(await db.purchaseOrder.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
      status: 'received',
    });
  });

  it('a refund of an order served by a delivery puts its set-aside copy back on the shelf', async () => {
    const { order, book } = await createPaidOrder(db, { onHand: 0, withSupplier: true });
    await receiveDelivery(actor, delivery(book.ean, 1));
    const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { version: true } });
    const recorded = await recordRefundRequest(actor, {
      reference: order.reference,
      version,
      reason: 'other',
      note: null,
      kind: 'everything',
    });
    expect(recorded).toMatchObject({ ok: true });
    const refund = await db.refund.findFirstOrThrow({
      where: { orderId: order.id },
      select: { id: true, amountCents: true },
    });
    // Applied as Stripe's answer would be (lib/data/order-desk/refunds.ts).
    await settleRefund(
      refund.id,
      {
        id: `re_test_${refund.id}`,
        amount: refund.amountCents,
        status: 'succeeded',
        metadata: { refund_id: String(refund.id) },
      },
      new Date(),
    );
    expect((await ledgerOf(book.id)).map((m) => [m.reason, m.quantity])).toEqual([
      ['DELIVERY', 1],
      ['ORDER_ALLOCATION', -1],
      ['SALE_CANCELLED', 1],
    ]);
    expect(await stockOf(book.id)).toEqual({ onHand: 1, held: 0 });
  });
});

describe('two members of staff validating the same parcel at once', () => {
  it('books each delivery note once: one success, one refusal, stock moved once', async () => {
    const books = await Promise.all(
      Array.from({ length: 10 }, () => createTestBook(db, { onHand: 0, withSupplier: true })),
    );
    const inputs = books.map((book) => delivery(book.ean, 3));
    const [a, b] = await runStockDeskWorkers(inject('databaseUrl'), [
      { kind: 'receive', actor, items: inputs },
      { kind: 'receive', actor: { id: actor.id, ip: '192.0.2.21' }, items: inputs },
    ]);
    const outcomes = inputs.map((_, index) => [a!.results[index]!, b!.results[index]!]);
    for (const [first, second] of outcomes) {
      expect([first!.ok, second!.ok].filter(Boolean)).toHaveLength(1);
      const refusal = first!.ok ? second! : first!;
      expect(refusal).toMatchObject({ ok: false });
      expect(['ALREADY_RECEIVED', 'BUSY']).toContain(!refusal.ok && refusal.code);
    }
    for (const book of books) {
      expect(await stockOf(book.id)).toEqual({ onHand: 3, held: 0 });
      expect(await db.deliveryLine.count({ where: { bookId: book.id } })).toBe(1);
      await ledgerMatchesStock(book.id);
    }
    console.log(`two processes × 10 deliveries: ${a!.elapsedMs.toFixed(0)} ms and ${b!.elapsedMs.toFixed(0)} ms`);
  });

  it('two receipts of one purchase order from the same page: the second is refused whatever its note number', async () => {
    const book = await createTestBook(db, { onHand: 0, withSupplier: true });
    const created = await createPurchaseOrder(actor, { supplierId, lines: [{ bookId: book.id, quantity: 4 }] });
    if (!created.ok) throw new Error(created.message);
    const sent = await markPurchaseOrderSent(actor, {
      purchaseOrderId: created.purchaseOrderId,
      version: 0,
      sentOn: new Date('2026-12-01T00:00:00Z'),
    });
    if (!sent.ok) throw new Error(sent.message);
    const purchaseOrder = { id: created.purchaseOrderId, version: sent.version };
    const [a, b] = await runStockDeskWorkers(inject('databaseUrl'), [
      { kind: 'receive', actor, items: [delivery(book.ean, 4, { purchaseOrder })] },
      { kind: 'receive', actor, items: [delivery(book.ean, 4, { purchaseOrder })] },
    ]);
    expect([a!.results[0]!.ok, b!.results[0]!.ok].filter(Boolean)).toHaveLength(1);
    expect(await stockOf(book.id)).toEqual({ onHand: 4, held: 0 });
  });
});
