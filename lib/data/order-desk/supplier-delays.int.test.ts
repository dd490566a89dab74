import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isoDay } from '@/lib/availability';
import { addCalendarDays, toParisDay } from '@/lib/availability/paris-calendar';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createPaidOrder, createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { announceSupplierDelay } from './supplier-delays';
import { receiveBackorderedCopies } from './workflow';
import type { Actor } from '@/lib/data/staff/staff';

// A new date from the distributor on a real PostgreSQL: the line's and the order's estimates
// move, the "Nouveau délai" e-mail is owed once per later date, in the same transaction.
let db: PrismaClient;
let actor: Actor;

beforeAll(async () => {
  db = createPrismaClient(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db)).id, ip: '192.0.2.11' };
});
afterAll(() => db.$disconnect());

/** A calendar day `days` from today in Paris, as the form posts it (midnight UTC). */
const dayAhead = (days: number) => new Date(`${isoDay(addCalendarDays(toParisDay(new Date()).day, days))}T00:00:00Z`);

const delayedEmails = (orderId: number) =>
  db.emailMessage.findMany({
    where: { orderId, kind: 'delayed' },
    orderBy: { id: 'asc' },
    select: { version: true, payload: true },
  });

const orderOf = (orderId: number) =>
  db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { version: true, deliveryLatestOn: true, lines: { select: { id: true, supplierExpectedOn: true } } },
  });

describe('a new date from the distributor', () => {
  it('moves the estimates and e-mails the customer once per later date; an earlier date e-mails nobody', async () => {
    const { order } = await createPaidOrder(db, { onHand: 0, withSupplier: true, quantity: 2 });
    const before = await orderOf(order.id);
    const line = before.lines[0]!;
    const promised = isoDay(before.deliveryLatestOn!);

    const late = dayAhead(40);
    const first = await announceSupplierDelay(actor, {
      reference: order.reference,
      version: before.version,
      lineId: line.id,
      expectedOn: late,
    });
    expect(first).toMatchObject({ ok: true, version: before.version + 1, customerTold: true });
    const moved = await orderOf(order.id);
    expect(isoDay(moved.lines[0]!.supplierExpectedOn!)).toBe(isoDay(late));
    // From the announced day: the shop's in-stock delay, then the carrier's transit.
    expect(isoDay(moved.deliveryLatestOn!) > isoDay(late)).toBe(true);
    expect(isoDay(moved.deliveryLatestOn!) > promised).toBe(true);
    const emails = await delayedEmails(order.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.version).toBe(Number(isoDay(moved.deliveryLatestOn!).replaceAll('-', '')));
    expect(emails[0]!.payload).toMatchObject({
      kind: 'delayed',
      order: {
        deliveryLatestOn: isoDay(moved.deliveryLatestOn!),
        lines: [{ deliveryLatestOn: isoDay(moved.deliveryLatestOn!) }],
      },
    });

    // The same date again: recorded, no second e-mail.
    expect(
      await announceSupplierDelay(actor, {
        reference: order.reference,
        version: moved.version,
        lineId: line.id,
        expectedOn: late,
      }),
    ).toMatchObject({ ok: true, customerTold: false });
    // Sooner than announced: the estimate comes back, the customer is not bothered.
    const sooner = await announceSupplierDelay(actor, {
      reference: order.reference,
      version: moved.version + 1,
      lineId: line.id,
      expectedOn: dayAhead(20),
    });
    expect(sooner).toMatchObject({ ok: true, customerTold: false });
    expect(isoDay((await orderOf(order.id)).deliveryLatestOn!) < isoDay(moved.deliveryLatestOn!)).toBe(true);
    expect(await delayedEmails(order.id)).toHaveLength(1);

    const audit = await db.auditEntry.findMany({
      where: { orderId: order.id, action: 'order.delay_announced' },
      orderBy: { id: 'asc' },
      select: { staffId: true, after: true },
    });
    expect(audit.map((entry) => (entry.after as { customerTold: boolean }).customerTold)).toEqual([true, false, false]);
    expect(audit[0]).toMatchObject({ staffId: actor.id, after: { expectedOn: isoDay(late) } });
  });

  it('is refused on a stale page, and once the copies are received', async () => {
    const { order } = await createPaidOrder(db, { onHand: 0, withSupplier: true, quantity: 1 });
    const { version, lines } = await orderOf(order.id);
    const lineId = lines[0]!.id;
    const expectedOn = dayAhead(30);
    expect(
      await announceSupplierDelay(actor, { reference: order.reference, version: version + 5, lineId, expectedOn }),
    ).toMatchObject({ ok: false, code: 'ORDER_CHANGED' });
    expect(await receiveBackorderedCopies(actor, { reference: order.reference, version, lineId })).toMatchObject({
      ok: true,
    });
    expect(
      await announceSupplierDelay(actor, { reference: order.reference, version: version + 1, lineId, expectedOn }),
    ).toMatchObject({ ok: false, code: 'NOTHING_AWAITED' });
    expect((await orderOf(order.id)).lines[0]!.supplierExpectedOn).toBeNull();
    expect(await delayedEmails(order.id)).toEqual([]);
  });

  it(
    '200 announcements at once from two app instances, on 50 orders: one wins each order, one e-mail each',
    { timeout: 120_000 },
    async () => {
      const orders = await Promise.all(
        Array.from({ length: 50 }, () => createPaidOrder(db, { onHand: 0, withSupplier: true }).then((o) => o.order)),
      );
      const lines = await db.orderLine.findMany({
        where: { orderId: { in: orders.map((order) => order.id) } },
        select: { id: true, orderId: true },
      });
      const expectedOn = isoDay(dayAhead(60));
      // Each instance presses each order's button twice, on the version its page showed.
      const items = orders.flatMap((order) => {
        const item = {
          reference: order.reference,
          version: 0,
          lineId: lines.find((l) => l.orderId === order.id)!.id,
          expectedOn,
        };
        return [item, item];
      });
      const other = { id: (await createTestStaff(db)).id, ip: '192.0.2.12' };
      const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
        { kind: 'delay', actor, items },
        { kind: 'delay', actor: other, items },
      ]);
      console.log(
        `100 announcements from each of 2 instances: ${runs.map((run) => `${Math.round(run.elapsedMs)} ms`).join(', ')}`,
      );
      for (const [index, order] of orders.entries()) {
        const outcomes = runs.flatMap((run) => [run.results[2 * index], run.results[2 * index + 1]]);
        expect(outcomes.filter((o) => o?.ok)).toHaveLength(1);
        // The others are told the order changed, or to retry when they waited too long: never a 500.
        for (const lost of outcomes.filter((o) => !o?.ok)) expect(['ORDER_CHANGED', 'BUSY']).toContain(lost?.code);
        expect((await orderOf(order.id)).version).toBe(1);
        expect(await delayedEmails(order.id)).toHaveLength(1);
        expect(await db.auditEntry.count({ where: { orderId: order.id, action: 'order.delay_announced' } })).toBe(1);
      }
    },
  );
});
