import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/database/prisma-client';
import { attachCheckoutSession } from '@/lib/data/buying/checkout';
import { createPaidOrder, createTestStaff, placeTestOrder } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { saveShopSettings, readShopSettings } from '@/lib/data/staff/shop-settings';
import { transactOrThrow } from '@/lib/data/platform/transactions';
import { issueCreditNote, invoicesOfOrder } from './invoices';

// Invoices a tax inspector accepts, on a real PostgreSQL: one number per payment from one
// continuous sequence whatever the number of app instances (CGI art. 242 nonies A, 7°), a credit
// note per refund referring to its invoice, and the seller as it was at the sale.
let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(inject('databaseUrl'));
});
afterAll(() => db.$disconnect());

/** Every invoice number of the year: 1, 2, 3… with no gap and no repeat. */
async function assertContinuous(series: 'F' | 'A') {
  const rows = await db.invoice.findMany({
    where: { series, year: new Date().getUTCFullYear() },
    orderBy: { sequence: 'asc' },
    select: { sequence: true },
  });
  expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, index) => index + 1));
}

describe('invoice numbers', () => {
  it('200 payments at once from two app instances: 200 invoices, numbers without gap or repeat', async () => {
    const orders = [];
    for (let i = 0; i < 200; i += 1) {
      const { order } = await placeTestOrder(db, { onHand: 1, withSupplier: false });
      const sessionId = `cs_test_invoice_${order.reference}`;
      await attachCheckoutSession(order.id, sessionId, `https://pay.example/${sessionId}`);
      orders.push({ id: order.id, reference: order.reference, sessionId });
    }
    // Stripe delivers again what was answered "busy" (a 503), as it retries a webhook.
    let items = orders.map(({ reference, sessionId }) => ({ reference, sessionId }));
    const runs = [];
    for (let round = 0; items.length > 0 && round < 10; round += 1) {
      const batch = await runOrderDeskWorkers(inject('databaseUrl'), [
        { kind: 'pay', items: items.filter((_, index) => index % 2 === 0) },
        { kind: 'pay', items: items.filter((_, index) => index % 2 === 1) },
      ]);
      const sent = [items.filter((_, index) => index % 2 === 0), items.filter((_, index) => index % 2 === 1)];
      const failed = batch.flatMap((run, r) =>
        run.results.flatMap((result, i) => (result.ok ? [] : [{ result, item: sent[r]![i]! }])),
      );
      expect(failed.filter(({ result }) => !result.ok && result.code !== 'BUSY')).toEqual([]);
      items = failed.map(({ item }) => item);
      runs.push(...batch);
    }
    expect(items).toEqual([]);
    const invoiced = await db.invoiceOrder.findMany({
      where: { orderId: { in: orders.map((order) => order.id) } },
      select: { invoice: { select: { number: true, kind: true } } },
    });
    expect(invoiced).toHaveLength(200);
    expect(new Set(invoiced.map((row) => row.invoice.number)).size).toBe(200);
    await assertContinuous('F');
    console.log(`200 invoices × 2 instances: ${runs.map((run) => `${Math.round(run.elapsedMs)} ms`).join(', ')}`);
  }, 120_000);
});

describe('an invoice and its credit note', () => {
  it('keep the seller as at the sale, add up to the order, and a refund gets its numbered credit note', async () => {
    const { order } = await createPaidOrder(db, { onHand: 2, withSupplier: false, quantity: 2 });
    const [invoice] = await invoicesOfOrder(order.id);
    expect(invoice).toMatchObject({ kind: 'invoice', totalCents: order.totalCents });
    expect(invoice!.number).toMatch(/^F\d{4}-\d{6}$/);
    const vatTotal = invoice!.vat.reduce((sum, row) => sum + row.inclVatCents, 0);
    expect(vatTotal).toBe(order.totalCents);
    expect(invoice!.lines.reduce((sum, line) => sum + line.totalInclVatCents, 0)).toBe(order.totalCents);

    // The settings change after the sale: the invoice does not.
    const staff = await createTestStaff(db, 'admin');
    const settings = await readShopSettings(db);
    const saved = await saveShopSettings(
      { id: staff.id, ip: null },
      { ...settings, legalName: 'Une autre raison sociale SARL' },
      settings.version,
    );
    expect(saved.ok).toBe(true);
    expect((await invoicesOfOrder(order.id))[0]!.seller.legalName).toBe(invoice!.seller.legalName);
    if (saved.ok) await saveShopSettings({ id: staff.id, ip: null }, settings, saved.version);

    // A refund of one copy, applied: its credit note, referring to the invoice, once.
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    const refund = await db.refund.create({
      data: {
        orderId: order.id,
        idempotencyKey: crypto.randomUUID(),
        amountCents: line.unitPriceCents,
        reason: 'withdrawal',
        restock: false,
        status: 'succeeded',
        appliedAt: new Date(),
        lines: { create: { orderLineId: line.id, quantity: 1, amountCents: line.unitPriceCents } },
      },
    });
    const [first, second] = await Promise.all([
      transactOrThrow((tx) => issueCreditNote(tx, refund.id, new Date())),
      transactOrThrow((tx) => issueCreditNote(tx, refund.id, new Date())).catch(() => 'refused'),
    ]);
    const documents = await invoicesOfOrder(order.id);
    expect(documents.map((doc) => doc.kind)).toEqual(['invoice', 'credit_note']);
    expect(documents[1]).toMatchObject({ creditedNumber: invoice!.number, totalCents: line.unitPriceCents });
    expect([first, second]).toContain(documents[1]!.number);
    await assertContinuous('A');

    // Frozen: the database refuses any change.
    await expect(
      db.invoice.updateMany({ where: { number: invoice!.number }, data: { totalCents: 1 } }),
    ).rejects.toThrow(/frozen/);
  });
});
