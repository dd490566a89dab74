import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import { checkTransfer, invoiceBalance, isSettled, type InvoiceBalance } from '@/lib/invoicing/transfers';
import { parisDayOf } from '@/lib/invoicing/payment-terms';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';
import { ORDER_DESK_LIMITS, Rejection, transact, type Tx } from '@/lib/data/platform/transactions';

// Transfers received on invoices on account (docs/decisions/029-transfers-received.md): a ledger,
// InvoicePayment, whose rows are never changed; a mistaken row is reversed by a negative one.
// Each write locks the invoice's orders, then the invoice row (FOR UPDATE), in that order, the
// order the desk's credit notes take too (lib/data/order-desk/refunds.ts): two members of staff
// recording at once queue on the invoice, and the second reads what the first recorded, so the
// sum never passes the invoice's total less its credit notes.

export const UNKNOWN_INVOICE = failure('UNKNOWN_INVOICE', 'Facture sur compte introuvable.');

type Db = Tx | ReturnType<typeof getDb>;

/** What an invoice on account owes now: its total, less its credit notes, less the transfers received. */
export async function readInvoiceBalance(db: Db, invoiceId: number): Promise<InvoiceBalance> {
  const [row] = await db.$queryRaw<{ totalCents: number; creditedCents: number; paidCents: number }[]>`
    SELECT i."totalCents",
           COALESCE((SELECT SUM(c."totalCents") FROM "Invoice" c WHERE c."creditedInvoiceId" = i."id"), 0)::int AS "creditedCents",
           COALESCE((SELECT SUM(p."amountCents") FROM "InvoicePayment" p WHERE p."invoiceId" = i."id"), 0)::int AS "paidCents"
    FROM "Invoice" i WHERE i."id" = ${invoiceId}`;
  if (!row) throw new Error(`invoice ${invoiceId}: not found`);
  return invoiceBalance(row);
}

/** The invoice on account, its orders then itself locked, in that order. */
async function lockInvoiceOnAccount(tx: Tx, where: { number: string } | { id: number }) {
  const invoice = await tx.invoice.findFirst({
    where: { ...where, kind: 'invoice', dueOn: { not: null } },
    select: { id: true, number: true, orders: { select: { orderId: true }, orderBy: { orderId: 'asc' } } },
  });
  if (!invoice) throw new Rejection(UNKNOWN_INVOICE);
  const orderIds = invoice.orders.map((order) => order.orderId);
  await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ANY(${orderIds}::int[]) ORDER BY "id" FOR UPDATE`;
  await tx.$queryRaw`SELECT 1 FROM "Invoice" WHERE "id" = ${invoice.id} FOR UPDATE`;
  return { id: invoice.id, number: invoice.number, orderIds };
}

/**
 * With the invoice locked: its orders are paid when the transfers cover what it owes, and
 * unpaid again when a reversal uncovers it. Returns whether they are paid now.
 */
export async function settleInvoiceOrders(tx: Tx, invoiceId: number, now: Date): Promise<boolean> {
  const balance = await readInvoiceBalance(tx, invoiceId);
  const settled = isSettled(balance);
  const orders = await tx.invoiceOrder.findMany({ where: { invoiceId }, select: { orderId: true } });
  const orderIds = orders.map((order) => order.orderId);
  await tx.order.updateMany({
    where: { id: { in: orderIds }, paidAt: settled ? null : { not: null } },
    data: { paidAt: settled ? now : null, version: { increment: 1 } },
  });
  return settled;
}

export type TransferInput = {
  invoiceNumber: string;
  amountCents: number;
  /** The day the bank credited it (midnight UTC, as a date-only column stores it). */
  receivedOn: Date;
  bankReference: string;
};

export async function recordTransfer(
  actor: Actor,
  input: TransferInput,
  now = new Date(),
): Promise<Result<{ dueCents: number; settled: boolean }>> {
  return transact(async (tx) => {
    if (input.receivedOn.toISOString().slice(0, 10) > parisDayOf(now))
      throw new Rejection(
        failure('FUTURE_DATE', 'La date de réception ne peut pas être dans le futur.', {
          fieldErrors: { receivedOn: 'La date de réception ne peut pas être dans le futur.' },
        }),
      );
    const invoice = await lockInvoiceOnAccount(tx, { number: input.invoiceNumber });
    const before = await readInvoiceBalance(tx, invoice.id);
    const check = checkTransfer(invoice.number, input.amountCents, before.dueCents);
    if (!check.ok) throw new Rejection(check);
    const payment = await tx.invoicePayment.create({
      data: {
        invoiceId: invoice.id,
        amountCents: input.amountCents,
        receivedOn: input.receivedOn,
        bankReference: input.bankReference,
        staffId: actor.id,
      },
      select: { id: true },
    });
    const settled = await settleInvoiceOrders(tx, invoice.id, now);
    for (const orderId of invoice.orderIds)
      await recordAudit(tx, {
        staffId: actor.id,
        action: 'invoice.transfer_recorded',
        orderId,
        before: { invoice: invoice.number, dueCents: before.dueCents },
        after: {
          invoice: invoice.number,
          paymentId: payment.id,
          amountCents: input.amountCents,
          receivedOn: input.receivedOn.toISOString().slice(0, 10),
          bankReference: input.bankReference,
          dueCents: before.dueCents - input.amountCents,
          settled,
        },
        ip: actor.ip,
      });
    return { ok: true as const, dueCents: before.dueCents - input.amountCents, settled };
  }, ORDER_DESK_LIMITS);
}

/** A mistaken entry, reversed whole and once by a negative entry with its reason. */
export async function reverseTransfer(
  actor: Actor,
  input: { paymentId: number; reason: string },
  now = new Date(),
): Promise<Result<{ invoiceNumber: string; amountCents: number }>> {
  return transact(async (tx) => {
    const payment = await tx.invoicePayment.findUnique({
      where: { id: input.paymentId },
      select: { invoiceId: true },
    });
    if (!payment) throw new Rejection(failure('UNKNOWN_PAYMENT', 'Virement introuvable.'));
    const invoice = await lockInvoiceOnAccount(tx, { id: payment.invoiceId });
    const original = await tx.invoicePayment.findUniqueOrThrow({
      where: { id: input.paymentId },
      select: { amountCents: true, receivedOn: true, bankReference: true, reversedBy: { select: { id: true } } },
    });
    if (original.amountCents < 0 || original.reversedBy)
      throw new Rejection(failure('ALREADY_REVERSED', 'Ce virement est déjà annulé : rechargez la page.'));
    const reversal = await tx.invoicePayment.create({
      data: {
        invoiceId: invoice.id,
        amountCents: -original.amountCents,
        receivedOn: original.receivedOn,
        bankReference: original.bankReference,
        reversesId: input.paymentId,
        reason: input.reason,
        staffId: actor.id,
      },
      select: { id: true },
    });
    const settled = await settleInvoiceOrders(tx, invoice.id, now);
    for (const orderId of invoice.orderIds)
      await recordAudit(tx, {
        staffId: actor.id,
        action: 'invoice.transfer_reversed',
        orderId,
        before: { invoice: invoice.number, paymentId: input.paymentId, amountCents: original.amountCents },
        after: { invoice: invoice.number, paymentId: reversal.id, reason: input.reason, settled },
        ip: actor.ip,
      });
    return { ok: true as const, invoiceNumber: invoice.number, amountCents: original.amountCents };
  }, ORDER_DESK_LIMITS);
}

export type TransferRow = {
  id: number;
  amountCents: number;
  receivedOn: Date;
  bankReference: string;
  reason: string | null;
  staffName: string | null;
  createdAt: Date;
  reversed: boolean;
  isReversal: boolean;
};

export type InvoiceOnAccountOfOrder = {
  number: string;
  dueOn: Date;
  balance: InvoiceBalance;
  transfers: TransferRow[];
};

/** The order's invoice on account (an order has one), what it owes and its transfers, oldest first. */
export async function getInvoiceOnAccountOfOrder(orderId: number): Promise<InvoiceOnAccountOfOrder | null> {
  const db = getDb();
  const invoice = await db.invoice.findFirst({
    where: { kind: 'invoice', dueOn: { not: null }, orders: { some: { orderId } } },
    select: {
      id: true,
      number: true,
      dueOn: true,
      payments: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          amountCents: true,
          receivedOn: true,
          bankReference: true,
          reason: true,
          createdAt: true,
          reversesId: true,
          reversedBy: { select: { id: true } },
          staff: { select: { name: true } },
        },
      },
    },
  });
  if (!invoice?.dueOn) return null;
  return {
    number: invoice.number,
    dueOn: invoice.dueOn,
    balance: await readInvoiceBalance(db, invoice.id),
    transfers: invoice.payments.map((payment) => ({
      id: payment.id,
      amountCents: payment.amountCents,
      receivedOn: payment.receivedOn,
      bankReference: payment.bankReference,
      reason: payment.reason,
      staffName: payment.staff?.name ?? null,
      createdAt: payment.createdAt,
      reversed: payment.reversedBy !== null,
      isReversal: payment.reversesId !== null,
    })),
  };
}
