import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createPaidOrder, createTestStaff, placeTestOrder, stockAndLedger } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { addOrderComment, changeOrderStatus, clearOrderAttention, receiveBackorderedCopies } from './workflow';
import type { Actor } from '@/lib/data/staff/staff';

// The order desk's writes on a real PostgreSQL: workflow steps, the version check, the audit
// log, and two app instances acting on the same orders at once.
let db: PrismaClient;
let actor: Actor;

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.10' };
});
afterAll(() => db.$disconnect());

const orderState = (id: number) =>
  db.order.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, carrier: true, trackingNumber: true },
  });
const auditOf = (orderId: number) =>
  db.auditEntry.findMany({
    where: { orderId },
    orderBy: { id: 'asc' },
    select: { staffId: true, action: true, before: true, after: true, ipAddress: true },
  });

describe('the delivery workflow', () => {
  it('payée → en préparation → expédiée (Colissimo) → livrée, each step in the audit log', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: false });
    const ref = order.reference;
    expect(await changeOrderStatus(actor, { reference: ref, version: 0, transition: 'prepare' })).toEqual({
      ok: true,
      version: 1,
    });
    expect(
      await changeOrderStatus(actor, {
        reference: ref,
        version: 1,
        transition: 'ship',
        shipment: { carrier: 'colissimo', trackingNumber: '6A12345678901' },
      }),
    ).toEqual({ ok: true, version: 2 });
    expect(await changeOrderStatus(actor, { reference: ref, version: 2, transition: 'deliver' })).toMatchObject({
      ok: true,
    });
    expect(await orderState(order.id)).toEqual({
      status: 'delivered',
      version: 3,
      carrier: 'colissimo',
      trackingNumber: '6A12345678901',
    });
    expect(await auditOf(order.id)).toEqual([
      {
        staffId: actor.id,
        action: 'order.status_changed',
        before: { status: 'paid' },
        after: { status: 'preparing' },
        ipAddress: '192.0.2.10',
      },
      {
        staffId: actor.id,
        action: 'order.status_changed',
        before: { status: 'preparing' },
        after: { status: 'shipped', carrier: 'colissimo', trackingNumber: '6A12345678901' },
        ipAddress: '192.0.2.10',
      },
      {
        staffId: actor.id,
        action: 'order.status_changed',
        before: { status: 'shipped' },
        after: { status: 'delivered' },
        ipAddress: '192.0.2.10',
      },
    ]);
  });

  it('refuses what makes no sense, in French, and writes nothing', async () => {
    const { order: unpaid } = await placeTestOrder(db, { onHand: 2, withSupplier: false });
    expect(
      await changeOrderStatus(actor, {
        reference: unpaid.reference,
        version: 0,
        transition: 'ship',
        shipment: { carrier: 'colissimo', trackingNumber: '6A12345678901' },
      }),
    ).toEqual({
      ok: false,
      code: 'ORDER_NOT_PAID',
      message: 'Impossible d’expédier une commande non payée (en attente de paiement).',
    });
    const { order: delivery } = await createPaidOrder(db, { onHand: 2, withSupplier: false });
    expect(
      await changeOrderStatus(actor, { reference: delivery.reference, version: 0, transition: 'collect' }),
    ).toMatchObject({
      ok: false,
      code: 'WRONG_DELIVERY_METHOD',
    });
    expect(await changeOrderStatus(actor, { reference: 'LF-00000000', version: 0, transition: 'prepare' })).toEqual({
      ok: false,
      code: 'UNKNOWN_ORDER',
      message: 'Commande introuvable.',
    });
    for (const id of [unpaid.id, delivery.id]) {
      expect((await orderState(id)).version).toBe(0);
      expect(await auditOf(id)).toEqual([]);
    }
  });

  it('a form showing an older version is refused: "La commande a changé, rechargez la page"', async () => {
    const { order } = await createPaidOrder(db, { onHand: 2, withSupplier: false });
    await changeOrderStatus(actor, { reference: order.reference, version: 0, transition: 'prepare' });
    expect(
      await changeOrderStatus(actor, {
        reference: order.reference,
        version: 0,
        transition: 'ship',
        shipment: { carrier: 'chronopost', trackingNumber: 'XY123456789FR' },
      }),
    ).toMatchObject({ ok: false, code: 'ORDER_CHANGED' });
    expect(await clearOrderAttention(actor, { reference: order.reference, version: 0 })).toEqual({
      ok: false,
      code: 'ORDER_CHANGED',
      message: 'La commande a changé, rechargez la page.',
    });
    expect(await orderState(order.id)).toMatchObject({ status: 'preparing', version: 1 });
  });

  it('a comment needs no version and lands on the timeline', async () => {
    const { order } = await createPaidOrder(db, { onHand: 2, withSupplier: false });
    expect(await addOrderComment(actor, { reference: order.reference, text: 'Client prévenu par téléphone.' })).toEqual(
      { ok: true },
    );
    expect(await auditOf(order.id)).toMatchObject([
      { action: 'order.comment', after: { text: 'Client prévenu par téléphone.' } },
    ]);
    expect((await orderState(order.id)).version).toBe(0);
  });
});

describe('copies from the distributor', () => {
  it('keep the order "en attente du distributeur" until marked received: DELIVERY then SALE in the ledger', async () => {
    const { order, book } = await createPaidOrder(db, { onHand: 1, withSupplier: true, quantity: 3 });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    expect(line).toMatchObject({ fromStockQuantity: 1, backorderQuantity: 2 });
    expect(await changeOrderStatus(actor, { reference: order.reference, version: 0, transition: 'prepare' })).toEqual({
      ok: false,
      code: 'COPIES_AWAITED',
      message: '2 exemplaires encore attendus du distributeur : marquez-les reçus avant de préparer la commande.',
    });
    const before = await stockAndLedger(db, book.id, order.id);
    expect(await receiveBackorderedCopies(actor, { reference: order.reference, version: 0, lineId: line.id })).toEqual({
      ok: true,
      version: 1,
      received: 2,
    });
    const after = await stockAndLedger(db, book.id, order.id);
    expect(after.stock).toEqual(before.stock);
    expect(after.ledger).toEqual([
      { quantity: -1, reason: 'SALE' },
      { quantity: 2, reason: 'DELIVERY' },
      { quantity: -2, reason: 'SALE' },
    ]);
    expect(
      await receiveBackorderedCopies(actor, { reference: order.reference, version: 1, lineId: line.id }),
    ).toMatchObject({
      ok: false,
      code: 'NOTHING_AWAITED',
    });
    expect(
      await changeOrderStatus(actor, { reference: order.reference, version: 1, transition: 'prepare' }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('two members of staff at once, from two app instances', () => {
  it('on 30 orders, each pressing a step on the same version: exactly one wins each order', async () => {
    const orders = await Promise.all(
      Array.from({ length: 30 }, () => createPaidOrder(db, { onHand: 1, withSupplier: false }).then((o) => o.order)),
    );
    const other = { id: (await createTestStaff(db)).id, ip: '192.0.2.11' };
    const items = orders.map((order) => ({ reference: order.reference, version: 0, transition: 'prepare' as const }));
    const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
      { kind: 'status', actor, items },
      { kind: 'status', actor: other, items },
    ]);
    console.log(`30 orders × 2 instances: ${runs.map((run) => `${Math.round(run.elapsedMs)} ms`).join(', ')}`);
    for (const [index, order] of orders.entries()) {
      const outcomes = runs.map((run) => run.results[index]);
      expect(outcomes.filter((o) => o?.ok)).toHaveLength(1);
      // The other is told the order changed, or, when it waited past the pool's limits for a
      // connection or the order's row (a loaded machine), to retry: never a second step, never a 500.
      expect([
        { ok: false, code: 'ORDER_CHANGED', message: 'La commande a changé, rechargez la page.' },
        {
          ok: false,
          code: 'BUSY',
          message: 'La commande est en cours de modification : réessayez dans un instant.',
          retryAfterSeconds: 5,
        },
      ]).toContainEqual(outcomes.find((o) => !o?.ok));
      expect(await orderState(order.id)).toMatchObject({ status: 'preparing', version: 1 });
      expect(await auditOf(order.id)).toHaveLength(1);
    }
  });
});
