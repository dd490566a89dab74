import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { createPaidOrder, createTestStaff, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { ANONYMOUS_EMAIL, enforceRetention } from './retention';

// The privacy notice's periods on a real PostgreSQL, the clock moved by back-dating rows: what is
// anonymised, when, and what is never touched (an invoice's name, address and amounts).
let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

const DAY = 24 * 3600_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function expiredOrder(daysAgo: number) {
  const { order } = await placeTestOrder(db, { onHand: 1, withSupplier: false });
  await db.$executeRaw`UPDATE "Order" SET "status" = 'expired', "updatedAt" = ${ago(daysAgo)} WHERE "id" = ${order.id}`;
  await db.emailMessage.create({
    data: {
      kind: 'payment_expired',
      orderId: order.id,
      version: 0,
      toAddress: 'l@exemple.fr',
      payload: { x: 1 },
      text: 'Bonjour Camille',
    },
  });
  return order.id;
}

async function paidOrder(daysAgo: number) {
  const { order } = await createPaidOrder(db, { onHand: 1, withSupplier: false });
  await db.$executeRaw`UPDATE "Order" SET "paidAt" = ${ago(daysAgo)} WHERE "id" = ${order.id}`;
  return order.id;
}

const orderOf = (id: number) =>
  db.order.findUniqueOrThrow({
    where: { id },
    select: {
      email: true,
      fullName: true,
      phone: true,
      addressLine1: true,
      postalCode: true,
      city: true,
      totalCents: true,
      clientKey: true,
      anonymisedAt: true,
      contactErasedAt: true,
    },
  });

describe('the retention periods, enforced', () => {
  it('anonymises what the notice says when it says, and never touches an invoice’s name, address or amounts', async () => {
    const oldUnpaid = await expiredOrder(31);
    const recentUnpaid = await expiredOrder(10);
    const oldPaid = await paidOrder(3 * 365 + 2);
    const recentPaid = await paidOrder(2 * 365);
    const paidBefore = await orderOf(oldPaid);
    // The paid order's confirmation, sent 400 days ago.
    const oldMail = await db.emailMessage.findFirstOrThrow({
      where: { orderId: recentPaid, kind: 'order_confirmation' },
    });
    await db.$executeRaw`UPDATE "EmailMessage" SET "createdAt" = ${ago(400)}, "status" = 'sent', "html" = '<p>x</p>', "text" = 'x' WHERE "id" = ${oldMail.id}`;
    const staff = await createTestStaff(db);
    const [oldEntry] = await db.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "AuditEntry" ("at", "staffId", "action", "ipAddress") VALUES (${ago(400)}, ${staff.id}, 'auth.login', '192.0.2.9') RETURNING "id"`;
    const [newEntry] = await db.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "AuditEntry" ("staffId", "action", "ipAddress") VALUES (${staff.id}, 'auth.login', '192.0.2.10') RETURNING "id"`;

    const report = await enforceRetention(new Date());
    expect(report.unpaidOrders).toBeGreaterThanOrEqual(1);

    // Unpaid, 31 days: contact and address gone, its e-mails' copies too; 10 days: untouched.
    expect(await orderOf(oldUnpaid)).toMatchObject({
      email: ANONYMOUS_EMAIL,
      fullName: 'Client anonymisé',
      phone: '',
      addressLine1: null,
      postalCode: null,
      clientKey: null,
      anonymisedAt: expect.any(Date),
    });
    expect(await db.emailMessage.findFirstOrThrow({ where: { orderId: oldUnpaid } })).toMatchObject({
      toAddress: ANONYMOUS_EMAIL,
      text: null,
    });
    expect((await orderOf(recentUnpaid)).anonymisedAt).toBeNull();

    // Paid, over 3 years: e-mail and phone erased; the invoice's name, address and amounts stay.
    expect(await orderOf(oldPaid)).toEqual({
      ...paidBefore,
      email: ANONYMOUS_EMAIL,
      phone: '',
      clientKey: null,
      contactErasedAt: expect.any(Date),
    });
    expect((await orderOf(recentPaid)).contactErasedAt).toBeNull();

    // E-mail bodies and IP addresses over a year old dropped; the audit entry itself stays as it was.
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: oldMail.id } })).toMatchObject({
      html: null,
      text: null,
    });
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: oldEntry!.id } })).toMatchObject({
      action: 'auth.login',
      ipAddress: null,
    });
    expect((await db.auditEntry.findUniqueOrThrow({ where: { id: newEntry!.id } })).ipAddress).toBe('192.0.2.10');

    // Run again: nothing more to do.
    const again = await enforceRetention(new Date());
    expect(await orderOf(oldPaid)).toMatchObject({
      fullName: paidBefore.fullName,
      addressLine1: paidBefore.addressLine1,
    });
    expect(again.paidOrderContacts).toBe(0);
  });

  it('keeps the audit log append-only for anything but dropping an address over a year old', async () => {
    const staff = await createTestStaff(db);
    const [fresh] = await db.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "AuditEntry" ("staffId", "action", "ipAddress") VALUES (${staff.id}, 'auth.login', '192.0.2.11') RETURNING "id"`;
    const [old] = await db.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "AuditEntry" ("at", "staffId", "action", "ipAddress") VALUES (${ago(400)}, ${staff.id}, 'auth.login', '192.0.2.12') RETURNING "id"`;
    // Not before its time, never with another change, never another address.
    await expect(db.auditEntry.update({ where: { id: fresh!.id }, data: { ipAddress: null } })).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.auditEntry.update({ where: { id: old!.id }, data: { ipAddress: null, action: 'auth.logout' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.update({ where: { id: old!.id }, data: { ipAddress: '10.0.0.1' } })).rejects.toThrow(
      /append-only/,
    );
    await db.auditEntry.update({ where: { id: old!.id }, data: { ipAddress: null } });
    expect((await db.auditEntry.findUniqueOrThrow({ where: { id: old!.id } })).ipAddress).toBeNull();
  });
});
