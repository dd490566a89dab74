import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import type { WithdrawalForm } from '@/lib/validation/tracking';
import { createPaidOrder, createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { createCounterOrder } from '@/lib/data/stock-desk/counter-orders';
import { parseAdminOrdersQuery } from '@/lib/validation/order-desk-query';
import { listAdminOrders } from './order-reads';
import { declareWithdrawal, previewWithdrawal } from './withdrawals';

// The withdrawal function on a real PostgreSQL (Code de la consommation, art. L221-18, L221-21,
// D221-5): shown back without writing, recorded once confirmed with the acknowledgement owed in
// the same transaction, refused for an order taken at the counter.
let db: PrismaClient;

beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

const whole = (fullName = 'Camille Lecteur'): WithdrawalForm => ({
  step: 'confirmer',
  fullName,
  scope: 'tout',
  reason: null,
  lines: [],
});

/** A refund of `quantity` copies of the order's line, applied, as the order desk's would be. */
async function refund(orderId: number, quantity: number, reason: 'withdrawal' | 'unavailable') {
  const line = await db.orderLine.findFirstOrThrow({ where: { orderId }, select: { id: true } });
  await db.refund.create({
    data: {
      orderId,
      idempotencyKey: randomUUID(),
      amountCents: 100 * quantity,
      reason,
      restock: false,
      appliedAt: new Date(),
      lines: { create: { orderLineId: line.id, quantity, amountCents: 100 * quantity } },
    },
  });
  await db.orderLine.update({ where: { id: line.id }, data: { refundedQuantity: { increment: quantity } } });
}

const withdrawalsOf = (orderId: number) =>
  db.withdrawal.findMany({ where: { orderId }, select: { declarantName: true, wholeOrder: true } });

describe('a withdrawal declared online', () => {
  it('is shown back without writing anything, then recorded with its acknowledgement owed', async () => {
    const { order } = await createPaidOrder(db, { onHand: 2, withSupplier: true, quantity: 2 });
    const now = new Date();
    const preview = await previewWithdrawal(order.id, { ...whole(), step: 'verifier' }, now);
    expect(preview).toMatchObject({ ok: true, wholeOrder: true, lines: [{ quantity: 2 }] });
    expect(await withdrawalsOf(order.id)).toEqual([]);

    expect(await declareWithdrawal(order.id, whole(), now, '192.0.2.70')).toEqual({ ok: true, copies: 2 });
    expect(await withdrawalsOf(order.id)).toEqual([{ declarantName: 'Camille Lecteur', wholeOrder: true }]);
    const acknowledgement = await db.emailMessage.findFirstOrThrow({
      where: { orderId: order.id, kind: 'withdrawal_received' },
      select: { payload: true },
    });
    expect(acknowledgement.payload).toMatchObject({
      withdrawal: { declarantName: 'Camille Lecteur', declaredAt: now.toISOString(), wholeOrder: true },
    });
    // At the desk: "Rétractation à traiter" until the withdrawn copies are refunded (art. L221-24).
    const toRefund = () => listAdminOrders(parseAdminOrdersQuery({ retractation: '1', q: order.reference }));
    expect((await toRefund()).rows).toMatchObject([{ reference: order.reference, withdrawalToRefund: true }]);
    await refund(order.id, 2, 'withdrawal');
    expect((await toRefund()).rows).toEqual([]);
    // Nothing left: a second declaration is refused, and nothing more is written.
    expect(await declareWithdrawal(order.id, whole(), new Date(), '192.0.2.70')).toMatchObject({
      ok: false,
      code: 'NOTHING_TO_WITHDRAW',
    });
    expect(await withdrawalsOf(order.id)).toHaveLength(1);
  });

  it('is refused for an order taken at the counter, which records nothing', async () => {
    const staff = await createTestStaff(db);
    const { order: paid } = await createPaidOrder(db, { onHand: 1, withSupplier: true });
    const book = await db.orderLine.findFirstOrThrow({ where: { orderId: paid.id }, select: { ean: true } });
    const counter = await createCounterOrder(
      { id: staff.id, ip: null },
      {
        ean: book.ean,
        quantity: 1,
        fullName: 'Client du comptoir',
        email: 'comptoir@exemple.fr',
        phone: null,
        payment: 'paid',
        note: null,
        request: null,
      },
    );
    if (!counter.ok) throw new Error(counter.message);
    const { id } = await db.order.findUniqueOrThrow({ where: { reference: counter.reference }, select: { id: true } });
    expect(await previewWithdrawal(id, whole(), new Date())).toMatchObject({ ok: false, code: 'NO_WITHDRAWAL_RIGHT' });
    expect(await declareWithdrawal(id, whole(), new Date(), '192.0.2.71')).toMatchObject({
      ok: false,
      code: 'NO_WITHDRAWAL_RIGHT',
    });
    expect(await withdrawalsOf(id)).toEqual([]);
  });

  it('posted twice with the same confirmation, records one withdrawal and owes one acknowledgement', async () => {
    const { order } = await createPaidOrder(db, { onHand: 3, withSupplier: true, quantity: 3 });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
    const form: WithdrawalForm = {
      ...whole(),
      scope: 'lignes',
      lines: [{ orderLineId: line.id, quantity: 1 }],
      submission: randomUUID(),
    };
    const results = await Promise.all([1, 2].map(() => declareWithdrawal(order.id, form, new Date(), '192.0.2.72')));
    expect(results).toEqual([
      { ok: true, copies: 1 },
      { ok: true, copies: 1 },
    ]);
    expect(await withdrawalsOf(order.id)).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { orderId: order.id, kind: 'withdrawal_received' } })).toBe(1);
  });

  it('stays to refund at the desk though another refund came before it', async () => {
    const { order } = await createPaidOrder(db, { onHand: 2, withSupplier: true, quantity: 2 });
    await refund(order.id, 1, 'unavailable');
    expect(await declareWithdrawal(order.id, whole(), new Date(), '192.0.2.73')).toEqual({ ok: true, copies: 1 });
    const listed = await listAdminOrders(parseAdminOrdersQuery({ retractation: '1', q: order.reference }));
    expect(listed.rows.map((row) => row.reference)).toEqual([order.reference]);
  });
});

describe('two app instances confirming at once', () => {
  it('200 confirmations on 50 orders: one withdrawal and one acknowledgement each, never a crash', async () => {
    const orders = await Promise.all(
      Array.from({ length: 50 }, () =>
        createPaidOrder(db, { onHand: 1, withSupplier: true, quantity: 1 }).then((o) => o.order),
      ),
    );
    // On each instance, per order: the form posted twice (a double click) and another tab's form.
    const items = () =>
      orders.flatMap((order, index) => [
        {
          orderId: order.id,
          form: { ...whole(), submission: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` },
        },
        { orderId: order.id, form: { ...whole(), submission: randomUUID() } },
      ]);
    const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
      { kind: 'withdraw', items: items() },
      { kind: 'withdraw', items: items() },
    ]);
    console.log(`200 confirmations × 2 instances: ${runs.map((run) => `${Math.round(run.elapsedMs)} ms`).join(', ')}`);
    const outcomes = runs.flatMap((run) => run.results);
    expect(outcomes).toHaveLength(200);
    const told = new Map<string, number>();
    for (const outcome of outcomes) {
      const code = outcome.ok ? 'ok' : outcome.code;
      told.set(code, (told.get(code) ?? 0) + 1);
    }
    console.log([...told].map(([code, count]) => `${code} ${count}`).join(', '));
    // Recorded, already recorded (nothing left), or told to retry: never anything else.
    for (const outcome of outcomes)
      expect(['ok', 'NOTHING_TO_WITHDRAW', 'BUSY']).toContain(outcome.ok ? 'ok' : outcome.code);
    const ids = orders.map((order) => order.id);
    const withdrawals = await db.withdrawal.groupBy({ by: ['orderId'], where: { orderId: { in: ids } }, _count: true });
    expect(withdrawals).toHaveLength(50);
    expect(withdrawals.every((row) => row._count === 1)).toBe(true);
    expect(await db.emailMessage.count({ where: { orderId: { in: ids }, kind: 'withdrawal_received' } })).toBe(50);
  });
});
