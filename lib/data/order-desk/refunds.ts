import 'server-only';
import { issueCreditNote } from '@/lib/data/invoicing/invoices';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { RefundReason } from '@/lib/generated/prisma/enums';
import { canMoveTo } from '@/lib/orders/status';
import { fullRefundRequest, planRefund, splitRefundedCopies, type RefundRequest } from '@/lib/orders/refund-plan';
import { awaitedCopies, checkTransition } from '@/lib/orders/workflow';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from '@/lib/data/staff/audit';
import { markOrderCancelled } from './workflow';
import {
  createPlannedRefund,
  readRefundable,
  recordPlannedRefund,
  TICKET_SELECT,
  toTicket,
  type RefundTicket,
} from './refund-requests';
import { settleInvoiceOrders } from '@/lib/data/invoicing/transfers';

export type { RefundTicket };
import { enqueueOrderEmail } from '@/lib/data/customer-mail/order-emails';
import { bumpOrderVersion, lockOrder } from './order-lock';
import type { Actor } from '@/lib/data/staff/staff';
import { lockStock, refreshStoredAvailability } from '@/lib/data/stock/stock-holds';
import { ORDER_DESK_LIMITS, Rejection, transact, transactOrThrow, type Tx } from '@/lib/data/platform/transactions';

// Refunds, in three steps, because a call to Stripe cannot sit inside a database transaction:
// 1. recordRefundRequest: under the order's lock, plan (lib/orders/refund-plan.ts) and record
//    the refund `requested`, with its own Idempotency-Key; its copies and amount are spoken for.
// 2. lib/refunds/stripe-refunds.ts sends it to Stripe with that key (a retry cannot refund twice).
// 3. The effects (line counters, copies back on the shelf, order status) are applied once,
//    under the order's lock, by whichever comes first: Stripe's answer (settleRefund) or its
//    `charge.refunded` event (reconcileStripeRefunds, from the webhook). The second finds
//    `appliedAt` set and changes nothing; so does a redelivered event.

/** What Stripe says about one refund (from its answer, or from listing a payment's refunds). */
export type StripeRefundFact = {
  id: string;
  amount: number;
  status: string | null;
  metadata: Record<string, string> | null;
};

export type RefundOrderInput = {
  reference: string;
  version: number;
  reason: RefundReason;
  note: string | null;
} & ({ kind: 'partial'; request: Omit<RefundRequest, 'reason'> } | { kind: 'everything' } | { kind: 'cancel' });

/**
 * Step 1: plan and record a refund (a cancellation records its status change in the same
 * transaction). Returns what to send to Stripe, or null when a cancellation has nothing left to
 * refund.
 */
export async function recordRefundRequest(
  actor: Actor,
  input: RefundOrderInput,
): Promise<Result<{ ticket: RefundTicket | null; onAccount?: { creditNote: string | null } }>> {
  return transact(async (tx) => {
    const { id: orderId } = await lockOrder(tx, input.reference, input.version);
    // A counter special order was paid at the till, not through Stripe (lib/data/stock-desk/counter-orders.ts).
    const { origin } = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { origin: true } });
    if (origin === 'counter')
      throw new Rejection(
        failure(
          'COUNTER_ORDER',
          'Commande prise au comptoir : annulez-la avec « Annuler la commande client » et remboursez en caisse.',
        ),
      );
    const order = await readRefundable(tx, orderId);
    const onAccount = await readOnAccount(tx, orderId);
    // Before its invoice an order on account owes nothing yet: it is cancelled whole, or not at
    // all (the invoice at dispatch lists every line ordered).
    if (onAccount && !onAccount.invoiceId && input.kind !== 'cancel')
      throw new Rejection(
        failure(
          'ON_ACCOUNT_NOT_INVOICED',
          'Commande sur compte pas encore facturée : annulez-la entière, ou faites l’avoir une fois la facture émise (à l’expédition).',
        ),
      );
    if (input.kind === 'cancel') {
      const workflow = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: { status: true, deliveryMethod: true },
      });
      const check = checkTransition(
        { status: workflow.status, deliveryMethod: workflow.deliveryMethod, awaitedCopies: 0, copiesToHandOver: 1 },
        'cancel',
      );
      if (!check.ok) throw new Rejection(failure(check.code, check.message));
      await markOrderCancelled(tx, actor, orderId, workflow.status);
    }

    const request: RefundRequest =
      input.kind === 'partial' ? { ...input.request, reason: input.reason } : fullRefundRequest(order, input.reason);
    const planned = planRefund(order, request, { wholeRemainder: input.kind !== 'partial' });
    if (!planned.ok) {
      // A cancellation whose money is already given back (or on its way) only changes the status.
      if (input.kind === 'cancel' && planned.code === 'NOTHING_LEFT') return { ok: true as const, ticket: null };
      throw new Rejection(failure(planned.code, planned.message));
    }
    if (onAccount) {
      // No card to give money back to: the refund is applied at once, with its credit note on the
      // "A" series if the order was invoiced, never sent to Stripe (docs/decisions/029-transfers-received.md).
      const refund = await createPlannedRefund(tx, {
        orderId,
        plan: planned.plan,
        reason: input.reason,
        note: input.note,
        staffId: actor.id,
        ip: actor.ip,
        titles: new Map(order.lines.map((line) => [line.id, line.title])),
      });
      // The order is locked; its invoice next, as a transfer recorded on it locks them
      // (lib/data/invoicing/transfers.ts): what it owes changes with the credit note.
      if (onAccount.invoiceId)
        await tx.$queryRaw`SELECT 1 FROM "Invoice" WHERE "id" = ${onAccount.invoiceId} FOR UPDATE`;
      const now = new Date();
      await applyRefund(tx, refund.id, now);
      if (onAccount.invoiceId) await settleInvoiceOrders(tx, onAccount.invoiceId, now);
      if (input.kind !== 'cancel') await bumpOrderVersion(tx, orderId);
      const creditNote = await tx.invoice.findUnique({ where: { refundId: refund.id }, select: { number: true } });
      return { ok: true as const, ticket: null, onAccount: { creditNote: creditNote?.number ?? null } };
    }
    if (!order.stripePaymentIntentId) {
      throw new Rejection(
        failure('NO_PAYMENT', 'Aucun paiement Stripe n’est connu pour cette commande : remboursez-la hors ligne.'),
      );
    }
    const refund = await recordPlannedRefund(tx, {
      orderId,
      plan: planned.plan,
      reason: input.reason,
      note: input.note,
      staffId: actor.id,
      ip: actor.ip,
      titles: new Map(order.lines.map((line) => [line.id, line.title])),
    });
    if (input.kind !== 'cancel') await bumpOrderVersion(tx, orderId);
    return { ok: true as const, ticket: refund };
  }, ORDER_DESK_LIMITS);
}

/** An order on account and its invoice, if it has one yet. */
async function readOnAccount(tx: Tx, orderId: number): Promise<{ invoiceId: number | null } | null> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      organisationId: true,
      invoices: { where: { invoice: { kind: 'invoice' } }, select: { invoiceId: true } },
    },
  });
  if (order.organisationId === null) return null;
  return { invoiceId: order.invoices[0]?.invoiceId ?? null };
}

/** A refund still `requested` (Stripe did not answer), to send again with the same key. */
export async function getPendingRefundTicket(reference: string, refundId: number): Promise<RefundTicket | null> {
  const refund = await getDb().refund.findFirst({
    where: { id: refundId, status: 'requested', order: { reference } },
    select: TICKET_SELECT,
  });
  return refund ? toTicket(refund) : null;
}

/** Step 3, from Stripe's answer: record its id, and apply the refund once if it succeeded. */
export async function settleRefund(refundId: number, stripeRefund: StripeRefundFact, now: Date): Promise<void> {
  await transactOrThrow(async (tx) => {
    const { orderId } = await tx.refund.findUniqueOrThrow({ where: { id: refundId }, select: { orderId: true } });
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
    await settleLocked(tx, refundId, stripeRefund, now);
  }, ORDER_DESK_LIMITS);
}

/** Stripe refused the refund for good (a 4xx): its copies and amount are free again. */
export async function markRefundFailed(refundId: number, message: string): Promise<void> {
  await transactOrThrow(async (tx) => {
    const { orderId } = await tx.refund.findUniqueOrThrow({ where: { id: refundId }, select: { orderId: true } });
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
    const failed = await tx.refund.updateMany({
      where: { id: refundId, status: 'requested' },
      data: { status: 'failed', failureMessage: message.slice(0, 500) },
    });
    if (failed.count === 0) return;
    await bumpOrderVersion(tx, orderId, {
      attentionReason: 'Un remboursement a été refusé par Stripe : voyez la liste des remboursements.',
    });
    await recordAudit(tx, {
      staffId: null,
      action: 'refund.failed',
      orderId,
      after: { refundId, message: message.slice(0, 500) },
    });
  }, ORDER_DESK_LIMITS);
}

/**
 * From `charge.refunded`, inside the webhook's transaction (the order is locked): every refund
 * Stripe lists for the payment is matched to the shop's (by id, or by the `refund_id` metadata
 * the shop sends) and applied once; a refund made elsewhere (Stripe Dashboard, the automatic
 * refund of a late payment) is recorded as such, without touching the stock.
 */
export async function reconcileStripeRefunds(
  tx: Tx,
  orderId: number,
  stripeRefunds: StripeRefundFact[],
  now: Date,
): Promise<string> {
  let applied = 0;
  for (const fact of stripeRefunds) {
    const ownId = Number(fact.metadata?.refund_id);
    const known = await tx.refund.findFirst({
      where: {
        orderId,
        OR: [{ stripeRefundId: fact.id }, ...(Number.isInteger(ownId) && ownId > 0 ? [{ id: ownId }] : [])],
      },
      select: { id: true },
    });
    const refundId =
      known?.id ??
      (
        await tx.refund.create({
          data: {
            orderId,
            idempotencyKey: randomUUID(),
            stripeRefundId: fact.id,
            amountCents: fact.amount,
            reason: 'other',
            note: 'Remboursement fait hors du bureau des commandes (tableau de bord Stripe ou remboursement automatique).',
            restock: false,
          },
          select: { id: true },
        })
      ).id;
    if (await settleLocked(tx, refundId, fact, now)) applied += 1;
  }
  return applied > 0 ? `refunds applied: ${applied}` : 'refunds already applied';
}

/** With the order locked: record Stripe's id and status; apply once. True if applied now. */
async function settleLocked(tx: Tx, refundId: number, fact: StripeRefundFact, now: Date): Promise<boolean> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: { id: true, status: true, appliedAt: true, stripeRefundId: true },
  });
  if (!refund.stripeRefundId) await tx.refund.update({ where: { id: refundId }, data: { stripeRefundId: fact.id } });
  if (refund.appliedAt) return false;
  if (fact.status === 'failed' || fact.status === 'canceled') {
    if (refund.status === 'requested')
      await tx.refund.update({
        where: { id: refundId },
        data: { status: 'failed', failureMessage: `Stripe : ${fact.status}` },
      });
    return false;
  }
  // `pending` (some payment methods) is money promised, not given back yet: applied when it succeeds.
  if (fact.status !== 'succeeded') return false;
  await applyRefund(tx, refundId, now);
  return true;
}

/** The refund's effects, once: line counters, copies back on the shelf, the order's status. */
async function applyRefund(tx: Tx, refundId: number, now: Date): Promise<void> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: {
      orderId: true,
      restock: true,
      order: { select: { reference: true, status: true, totalCents: true, organisationId: true } },
      lines: {
        select: {
          id: true,
          quantity: true,
          orderLine: {
            select: {
              id: true,
              bookId: true,
              backorderQuantity: true,
              receivedQuantity: true,
              cancelledBackorderQuantity: true,
            },
          },
        },
      },
    },
  });
  const { orderId } = refund;
  const sold = await soldFromShelf(tx, orderId);
  const splits = refund.lines.map((line) => ({
    line,
    ...splitRefundedCopies(
      { awaited: awaitedCopies(line.orderLine), soldFromShelf: sold.get(line.orderLine.bookId) ?? 0 },
      line.quantity,
      refund.restock,
    ),
  }));

  const restockedBooks = splits.filter((s) => s.restocked > 0).map((s) => s.line.orderLine.bookId);
  await lockStock(tx, restockedBooks);
  for (const split of splits) {
    await tx.refundLine.update({
      where: { id: split.line.id },
      data: { restockedQuantity: split.restocked, cancelledBackorderQuantity: split.cancelledBackorder },
    });
    await tx.orderLine.update({
      where: { id: split.line.orderLine.id },
      data: {
        refundedQuantity: { increment: split.line.quantity },
        cancelledBackorderQuantity: { increment: split.cancelledBackorder },
      },
    });
    if (split.restocked > 0) {
      const bookId = split.line.orderLine.bookId;
      await tx.stockLevel.update({ where: { bookId }, data: { onHand: { increment: split.restocked } } });
      await tx.stockMovement.create({
        data: {
          bookId,
          quantity: split.restocked,
          reason: 'SALE_CANCELLED',
          reference: refund.order.reference,
          orderId,
        },
      });
    }
  }
  if (restockedBooks.length > 0) await refreshStoredAvailability(tx, restockedBooks);

  await tx.refund.update({ where: { id: refundId }, data: { status: 'succeeded', appliedAt: now } });
  // Its credit note, referring to the order's invoice (BOI-TVA-DECLA-30-20-20), in this transaction.
  await issueCreditNote(tx, refundId, now);
  const refunded = await tx.refund.aggregate({
    where: { orderId, appliedAt: { not: null } },
    _sum: { amountCents: true },
  });
  const fullyRefunded = (refunded._sum.amountCents ?? 0) >= refund.order.totalCents;
  await bumpOrderVersion(
    tx,
    orderId,
    fullyRefunded && canMoveTo(refund.order.status, 'refunded') ? { status: 'refunded' } : {},
  );
  // Applied once (appliedAt), so told once: the amount and the lines, to the customer. Not to an
  // organisation on account: no money comes back to it, its credit note is the document.
  if (refund.order.organisationId === null) await enqueueOrderEmail(tx, orderId, { kind: 'refunded', refundId });
}

/**
 * Copies of each book that left the shelf for this order and were not put back, from the stock
 * ledger: sold from the shelf, or received from the distributor and set aside for it
 * (ORDER_ALLOCATION, lib/data/stock-desk/backorder-allocation.ts). Both are still in the shop until the
 * order leaves it.
 */
async function soldFromShelf(tx: Tx, orderId: number): Promise<Map<number, number>> {
  const rows = await tx.$queryRaw<{ bookId: number; copies: number }[]>`
    SELECT "bookId", (-SUM("quantity"))::int AS "copies" FROM "StockMovement"
    WHERE "orderId" = ${orderId} AND "reason" IN ('SALE', 'SALE_CANCELLED', 'ORDER_ALLOCATION')
    GROUP BY "bookId"`;
  return new Map(rows.map((row) => [row.bookId, Math.max(row.copies, 0)]));
}
