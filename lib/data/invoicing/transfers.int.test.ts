import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createCarts, createTestBook } from '@/scripts/test/fixtures/books';
import { createTestOrganisation } from '@/scripts/test/fixtures/organisations';
import { createTestStaff } from '@/scripts/test/order-desk-fixtures';
import { runOrderDeskWorkers } from '@/scripts/test/run-order-desk-workers';
import { openTestDatabase } from '@/scripts/test/test-database';

// Transfers received on invoices on account, their credit notes and reminders
// (docs/decisions/029-transfers-received.md), on a real PostgreSQL.
const db = openTestDatabase();
let onAccount: typeof import('@/lib/data/buying/orders-on-account');
let workflow: typeof import('@/lib/data/order-desk/workflow');
let refunds: typeof import('@/lib/refunds/stripe-refunds');
let transfers: typeof import('./transfers');
let reminders: typeof import('./payment-reminders');
let overview: typeof import('./invoices-on-account');
let delivery: typeof import('@/lib/data/customer-mail/email-delivery');

beforeAll(async () => {
  onAccount = await import('@/lib/data/buying/orders-on-account');
  workflow = await import('@/lib/data/order-desk/workflow');
  refunds = await import('@/lib/refunds/stripe-refunds');
  transfers = await import('./transfers');
  reminders = await import('./payment-reminders');
  overview = await import('./invoices-on-account');
  delivery = await import('@/lib/data/customer-mail/email-delivery');
});

const TODAY = () => new Date().toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** An order on account for a library (3 copies at 20,00 € less 9 %), placed, and shipped unless told. */
async function orderOnAccount(options: { ship?: boolean; copies?: number } = {}) {
  const organisation = await createTestOrganisation(db);
  const book = await createTestBook(db, { onHand: 10, withSupplier: false, priceCents: 2000 });
  const [cartId] = await createCarts(db, book.id, 1, options.copies ?? 3);
  const placed = await onAccount.placeOrderOnAccount(
    { email: organisation.buyer },
    cartId!,
    {
      organisationId: organisation.id,
      fullName: 'Camille Acquéreuse',
      phone: '',
      deliveryMethod: 'home_delivery',
      purchaseOrderNumber: 'BC-2026-0099',
      engagementNumber: null,
    },
    new Date(),
    `client-${cartId}`,
  );
  if (!placed.ok) throw new Error(placed.message);
  const staff = await createTestStaff(db);
  const actor = { id: staff.id, ip: null };
  const order = await db.order.findUniqueOrThrow({
    where: { reference: placed.reference },
    select: { id: true, reference: true, totalCents: true },
  });
  let version = 0;
  if (options.ship !== false) {
    const prepared = await workflow.changeOrderStatus(actor, {
      reference: order.reference,
      version,
      transition: 'prepare',
    });
    if (!prepared.ok) throw new Error(prepared.message);
    const shipped = await workflow.changeOrderStatus(actor, {
      reference: order.reference,
      version: prepared.version,
      transition: 'ship',
      shipment: { carrier: 'colissimo', trackingNumber: '6A12345678901' },
    });
    if (!shipped.ok) throw new Error(shipped.message);
    version = shipped.version;
  }
  const invoice = await db.invoice.findFirst({
    where: { kind: 'invoice', orders: { some: { orderId: order.id } } },
    select: { id: true, number: true, totalCents: true, dueOn: true },
  });
  return { organisation, book, order, invoice, actor, version };
}

const transfer = (invoiceNumber: string, amountCents: number, bankReference = 'VIR SEPA BU 0001') => ({
  invoiceNumber,
  amountCents,
  receivedOn: new Date(`${TODAY()}T00:00:00Z`),
  bankReference,
});

async function paidAt(orderId: number) {
  return (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { paidAt: true } })).paidAt;
}

describe('transfers received on an invoice on account', () => {
  it('twenty members of staff recording the remaining amount at once, from two app instances: exactly one succeeds', async () => {
    const { order, invoice, actor } = await orderOnAccount();
    expect(invoice!.totalCents).toBe(order.totalCents);
    const first = await transfers.recordTransfer(actor, transfer(invoice!.number, 1_000));
    expect(first).toMatchObject({ ok: true, settled: false, dueCents: order.totalCents - 1_000 });
    expect(await paidAt(order.id)).toBeNull();

    const rest = order.totalCents - 1_000;
    const items = Array.from({ length: 10 }, (_, i) => ({
      invoiceNumber: invoice!.number,
      amountCents: rest,
      receivedOn: TODAY(),
      bankReference: `VIR SEPA BU ${i}`,
    }));
    const runs = await runOrderDeskWorkers(inject('databaseUrl'), [
      { kind: 'transfer', actor, items },
      { kind: 'transfer', actor, items },
    ]);
    const results = runs.flatMap((run) => run.results);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results.filter((r) => !r.ok))
      expect(['NOTHING_DUE', 'OVERPAYMENT', 'BUSY']).toContain(!result.ok && result.code);
    const refused = results.find((result) => !result.ok && result.code === 'NOTHING_DUE');
    expect(refused && !refused.ok && refused.message).toMatch(/déjà réglée/);

    const ledger = await db.invoicePayment.aggregate({
      where: { invoiceId: invoice!.id },
      _sum: { amountCents: true },
    });
    expect(ledger._sum.amountCents).toBe(order.totalCents);
    expect(await paidAt(order.id)).not.toBeNull();
    expect(await db.auditEntry.count({ where: { orderId: order.id, action: 'invoice.transfer_recorded' } })).toBe(2);
    console.info(`20 concurrent transfers: ${runs.map((run) => `${Math.round(run.elapsedMs)} ms`).join(', ')}`);
  });

  it('partial transfers add up to a paid order; more than what remains is refused in French; a reversal reopens it', async () => {
    const { order, invoice, actor } = await orderOnAccount();
    const third = Math.floor(order.totalCents / 3);
    expect((await transfers.recordTransfer(actor, transfer(invoice!.number, third))).ok).toBe(true);
    expect((await transfers.recordTransfer(actor, transfer(invoice!.number, third))).ok).toBe(true);
    const remaining = order.totalCents - 2 * third;
    const over = await transfers.recordTransfer(actor, transfer(invoice!.number, remaining + 1));
    expect(over).toMatchObject({ ok: false, code: 'OVERPAYMENT' });
    expect(!over.ok && over.message).toContain('dépasse le reste dû');
    const last = await transfers.recordTransfer(actor, transfer(invoice!.number, remaining));
    expect(last).toMatchObject({ ok: true, settled: true, dueCents: 0 });
    expect(await paidAt(order.id)).not.toBeNull();
    const view = await transfers.getInvoiceOnAccountOfOrder(order.id);
    expect(view!.balance).toMatchObject({ paidCents: order.totalCents, dueCents: 0 });

    const future = await transfers.recordTransfer(actor, {
      ...transfer(invoice!.number, 1),
      receivedOn: new Date(Date.now() + 3 * DAY_MS),
    });
    expect(future).toMatchObject({ ok: false, code: 'FUTURE_DATE' });

    // A mistaken entry: reversed by a negative one, once; the order is unpaid again.
    const [firstEntry] = view!.transfers;
    const reversed = await transfers.reverseTransfer(actor, {
      paymentId: firstEntry!.id,
      reason: 'Virement d’un autre client',
    });
    expect(reversed).toMatchObject({ ok: true, amountCents: third });
    expect(await paidAt(order.id)).toBeNull();
    expect(await transfers.reverseTransfer(actor, { paymentId: firstEntry!.id, reason: 'encore' })).toMatchObject({
      ok: false,
      code: 'ALREADY_REVERSED',
    });
    const after = await transfers.getInvoiceOnAccountOfOrder(order.id);
    expect(after!.balance.dueCents).toBe(third);
    expect(after!.transfers.at(-1)).toMatchObject({ amountCents: -third, isReversal: true });

    // The ledger is never changed nor deleted.
    await expect(
      db.$executeRaw`UPDATE "InvoicePayment" SET "amountCents" = 1 WHERE "id" = ${firstEntry!.id}`,
    ).rejects.toThrow(/ledger/);
    await expect(db.$executeRaw`DELETE FROM "InvoicePayment" WHERE "id" = ${firstEntry!.id}`).rejects.toThrow(/ledger/);
  });

  it('an invoice of another kind, or a card order’s, takes no transfer', async () => {
    const staff = await createTestStaff(db);
    const refused = await transfers.recordTransfer({ id: staff.id, ip: null }, transfer('F1999-000001', 100));
    expect(refused).toMatchObject({ ok: false, code: 'UNKNOWN_INVOICE' });
  });
});

describe('cancelling and crediting an order on account, without Stripe', () => {
  it('before dispatch: cancelled, its copies back on the shelf, no invoice and no credit note', async () => {
    const { order, book, actor } = await orderOnAccount({ ship: false });
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({ onHand: 7 });
    const cancelled = await refunds.refundOrder(actor, {
      kind: 'cancel',
      reference: order.reference,
      version: 0,
      reason: 'cancellation',
      note: null,
    });
    expect(cancelled).toMatchObject({ ok: true });
    expect(cancelled.ok && cancelled.message).toMatch(/pas encore facturée/);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toMatchObject({
      status: 'cancelled',
    });
    expect(await db.stockLevel.findUniqueOrThrow({ where: { bookId: book.id } })).toMatchObject({ onHand: 10 });
    expect(await db.invoice.count({ where: { orders: { some: { orderId: order.id } } } })).toBe(0);
    expect(
      await db.refund.findMany({ where: { orderId: order.id }, select: { stripeRefundId: true, status: true } }),
    ).toEqual([{ stripeRefundId: null, status: 'succeeded' }]);
    // Nothing tells the organisation it was "refunded": no money was taken.
    expect(await db.emailMessage.count({ where: { orderId: order.id, kind: 'refunded' } })).toBe(0);
  });

  it('before dispatch, a part alone cannot be taken back: the invoice at dispatch lists every line', async () => {
    const { order, actor } = await orderOnAccount({ ship: false });
    const refused = await refunds.refundOrder(actor, {
      kind: 'everything',
      reference: order.reference,
      version: 0,
      reason: 'other',
      note: null,
    });
    expect(refused).toMatchObject({ ok: false, code: 'ON_ACCOUNT_NOT_INVOICED' });
  });

  it('after the invoice: a credit note on the "A" series, what is owed falls, and the rest paid settles it', async () => {
    const { order, invoice, actor, version } = await orderOnAccount();
    await transfers.recordTransfer(actor, transfer(invoice!.number, 1_000));
    const line = await db.orderLine.findFirstOrThrow({
      where: { orderId: order.id },
      select: { id: true, unitPriceCents: true },
    });
    const credited = await refunds.refundOrder(actor, {
      kind: 'partial',
      reference: order.reference,
      version,
      reason: 'other',
      note: 'Un exemplaire abîmé',
      request: { lines: [{ orderLineId: line.id, quantity: 1 }], shipping: false, extraCents: 0 },
    });
    expect(credited).toMatchObject({ ok: true });
    expect(credited.ok && credited.message).toMatch(/avoir A\d{4}-\d{6}/);
    const creditNote = await db.invoice.findFirstOrThrow({
      where: { creditedInvoiceId: invoice!.id },
      select: { series: true, totalCents: true },
    });
    expect(creditNote).toEqual({ series: 'A', totalCents: line.unitPriceCents });
    const view = await transfers.getInvoiceOnAccountOfOrder(order.id);
    expect(view!.balance).toMatchObject({
      creditedCents: line.unitPriceCents,
      paidCents: 1_000,
      dueCents: order.totalCents - line.unitPriceCents - 1_000,
    });
    // The full amount is now too much: the credit note counts.
    const over = await transfers.recordTransfer(actor, transfer(invoice!.number, order.totalCents - 1_000));
    expect(over).toMatchObject({ ok: false, code: 'OVERPAYMENT' });
    const rest = await transfers.recordTransfer(actor, transfer(invoice!.number, view!.balance.dueCents));
    expect(rest).toMatchObject({ ok: true, settled: true });
    expect(await paidAt(order.id)).not.toBeNull();
  });
});

describe('reminders of overdue invoices', () => {
  it('lists the invoice as late after its due date, and queues one reminder a day to the billing address', async () => {
    const { organisation, order, invoice, actor } = await orderOnAccount();
    const dueOn = invoice!.dueOn!.toISOString().slice(0, 10);
    const notYet = await reminders.sendPaymentReminder(actor, { invoiceNumber: invoice!.number });
    expect(notYet).toMatchObject({ ok: false, code: 'NOT_OVERDUE' });

    const later = new Date(Date.parse(`${dueOn}T10:00:00Z`) + 5 * DAY_MS);
    const late = await overview.listInvoicesOnAccount('overdue', later);
    expect(late.find((row) => row.number === invoice!.number)).toMatchObject({
      organisationName: organisation.name,
      orderReference: order.reference,
      daysLate: 5,
      balance: { dueCents: order.totalCents },
    });
    expect((await overview.listInvoicesOnAccount('overdue')).some((row) => row.number === invoice!.number)).toBe(false);

    const sent = await reminders.sendPaymentReminder(actor, { invoiceNumber: invoice!.number }, later);
    expect(sent).toMatchObject({ ok: true, toAddress: organisation.billingEmail });
    const again = await reminders.sendPaymentReminder(actor, { invoiceNumber: invoice!.number }, later);
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_REMINDED' });
    const nextDay = await reminders.sendPaymentReminder(
      actor,
      { invoiceNumber: invoice!.number },
      new Date(later.getTime() + DAY_MS),
    );
    expect(nextDay.ok).toBe(true);

    const emails = await db.emailMessage.findMany({
      where: { orderId: order.id, kind: 'payment_reminder' },
      orderBy: { id: 'asc' },
      select: { toAddress: true, payload: true },
    });
    expect(emails).toHaveLength(2);
    expect(emails[0]).toMatchObject({
      toAddress: organisation.billingEmail,
      payload: {
        reminder: { invoiceNumber: invoice!.number, dueOn, daysLate: 5, dueCents: order.totalCents, publicBuyer: true },
      },
    });
    expect(await db.auditEntry.count({ where: { orderId: order.id, action: 'invoice.reminder_sent' } })).toBe(2);

    // The worker renders and sends it like any e-mail of the outbox, with no tracking link.
    const [first] = await db.emailMessage.findMany({
      where: { orderId: order.id, kind: 'payment_reminder' },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    expect(await delivery.deliverEmail(first!.id, { final: false })).toBe('sent');
    const delivered = await db.emailMessage.findUniqueOrThrow({
      where: { id: first!.id },
      select: { status: true, subject: true, text: true },
    });
    expect(delivered.status).toBe('sent');
    expect(delivered.subject).toContain(`Relance : facture ${invoice!.number}`);
    expect(delivered.text).toContain('5 jours de retard');
    expect(delivered.text).toMatch(/R2192-31/);
    expect(delivered.text).toContain('40 €');
    expect(delivered.text).not.toContain('/suivi/');

    await transfers.recordTransfer(actor, transfer(invoice!.number, order.totalCents));
    const paid = await reminders.sendPaymentReminder(
      actor,
      { invoiceNumber: invoice!.number },
      new Date(later.getTime() + 2 * DAY_MS),
    );
    expect(paid).toMatchObject({ ok: false, code: 'NOTHING_DUE' });
  });
});
