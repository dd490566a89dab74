import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { parseAdminOrdersQuery } from '@/lib/validation/order-desk-query';
import { createPaidOrder, createTestStaff, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { countOrdersByStage, getAdminOrder, listAdminOrders } from './order-reads';
import { receiveBackorderedCopies } from './workflow';

// The orders list's SQL (stages, payment states, search, dates) against the rules it mirrors.
let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

const list = (params: Record<string, string>) => listAdminOrders(parseAdminOrdersQuery(params));
const references = async (params: Record<string, string>) => (await list(params)).rows.map((row) => row.reference);

describe('listAdminOrders', () => {
  it('puts a paid order with copies awaited under "en attente du distributeur", and under "à préparer" once received', async () => {
    const { order } = await createPaidOrder(db, { onHand: 0, withSupplier: true, quantity: 2 });
    const { book } = await createPaidOrder(db, { onHand: 3, withSupplier: false });
    expect(await references({ etape: 'attente-distributeur', q: order.reference })).toEqual([order.reference]);
    expect(await references({ etape: 'a-preparer', q: order.reference })).toEqual([]);
    const before = await countOrdersByStage();

    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    const actor = { id: (await createTestStaff(db)).id, ip: null };
    await receiveBackorderedCopies(actor, { reference: order.reference, version: 0, lineId: line.id });
    expect(await references({ etape: 'a-preparer', q: order.reference })).toEqual([order.reference]);
    const after = await countOrdersByStage();
    expect(after.byStage.awaiting_supplier ?? 0).toBe((before.byStage.awaiting_supplier ?? 0) - 1);
    expect(after.byStage.to_prepare).toBe((before.byStage.to_prepare ?? 0) + 1);
    // The same rule on the order page.
    expect((await getAdminOrder(order.reference))?.stage).toBe('to_prepare');
    // A barcode scanner's EAN finds the orders of that book.
    expect((await list({ q: book.ean })).rows).toHaveLength(1);
  });

  it('filters by payment state, delivery method, attention and day, and searches e-mails', async () => {
    const { order: unpaid } = await placeTestOrder(db, { onHand: 2, withSupplier: false, pickup: true });
    const { order: paid } = await createPaidOrder(db, { onHand: 2, withSupplier: false });
    await db.order.update({ where: { id: paid.id }, data: { attentionReason: 'Client à rappeler' } });
    const ours = [unpaid.reference, paid.reference];
    const only = async (params: Record<string, string>) => (await references(params)).filter((r) => ours.includes(r));

    expect(await only({ paiement: 'non-payee' })).toEqual([unpaid.reference]);
    expect(await only({ paiement: 'payee' })).toEqual([paid.reference]);
    expect(await only({ livraison: 'retrait' })).toEqual([unpaid.reference]);
    expect(await only({ attention: '1' })).toEqual([paid.reference]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    expect((await only({ du: today, au: today })).sort()).toEqual([...ours].sort());
    expect(await only({ au: '2020-01-01' })).toEqual([]);
    // "%" and "_" are searched for, not wildcards.
    expect(await only({ q: '%' })).toEqual([]);
    expect((await only({ q: 'LECTEUR@exemple' })).sort()).toEqual([...ours].sort());
  });

  it('pages newest first, or oldest first', async () => {
    const newest = await list({});
    const oldest = await list({ tri: 'anciennes' });
    expect(newest.total).toBe(oldest.total);
    expect(newest.rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(oldest.rows[0]!.createdAt.getTime());
    expect(newest.rows.length).toBeLessThanOrEqual(25);
  });
});
