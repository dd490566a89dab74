import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RefundReason } from '@/lib/generated/prisma/enums';
import type { RefundableOrder, RefundPlan } from '@/lib/orders/refund-plan';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Tx } from '@/lib/data/platform/transactions';

// Step 1 of a refund (lib/data/order-desk/refunds.ts): what the rules read of the order under its
// lock, and the refund recorded `requested` with its own Idempotency-Key; the order desk, the
// customer's pre-order cancellation and a fall of a pre-ordered book's price all record this way.

/** What to send to Stripe. */
export type RefundTicket = {
  refundId: number;
  idempotencyKey: string;
  amountCents: number;
  paymentIntentId: string;
  orderReference: string;
};

export const TICKET_SELECT = {
  id: true,
  idempotencyKey: true,
  amountCents: true,
  order: { select: { reference: true, stripePaymentIntentId: true } },
} satisfies Prisma.RefundSelect;

export function toTicket(row: Prisma.RefundGetPayload<{ select: typeof TICKET_SELECT }>): RefundTicket | null {
  if (!row.order.stripePaymentIntentId) return null;
  return {
    refundId: row.id,
    idempotencyKey: row.idempotencyKey,
    amountCents: row.amountCents,
    paymentIntentId: row.order.stripePaymentIntentId,
    orderReference: row.order.reference,
  };
}

/**
 * The order as the refund rules see it, under its lock: refunds not failed count as spent; a copy
 * is worth what the customer paid for it (less a fall of the publisher's price already given back).
 */
export async function readRefundable(
  tx: Tx,
  orderId: number,
): Promise<RefundableOrder & { stripePaymentIntentId: string | null }> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      totalCents: true,
      shippingCents: true,
      stripePaymentIntentId: true,
      lines: {
        orderBy: { id: 'asc' },
        select: { id: true, title: true, quantity: true, unitPriceCents: true, priceDropPerCopyCents: true },
      },
      refunds: {
        where: { status: { not: 'failed' } },
        select: { amountCents: true, shippingCents: true, lines: { select: { orderLineId: true, quantity: true } } },
      },
    },
  });
  const refundLines = order.refunds.flatMap((refund) => refund.lines);
  return {
    status: order.status,
    totalCents: order.totalCents,
    shippingCents: order.shippingCents,
    stripePaymentIntentId: order.stripePaymentIntentId,
    spokenForCents: order.refunds.reduce((sum, refund) => sum + refund.amountCents, 0),
    spokenForShippingCents: order.refunds.reduce((sum, refund) => sum + refund.shippingCents, 0),
    lines: order.lines.map(({ priceDropPerCopyCents, ...line }) => ({
      ...line,
      unitPriceCents: line.unitPriceCents - priceDropPerCopyCents,
      spokenForQuantity: refundLines.filter((l) => l.orderLineId === line.id).reduce((sum, l) => sum + l.quantity, 0),
    })),
  };
}

/**
 * Records a planned refund `requested`, with its own Idempotency-Key, and its audit entry; the
 * order must be locked. staffId null: asked by the customer (a pre-order cancelled) or by the
 * shop's rules (a fall of the publisher's price).
 */
export async function recordPlannedRefund(
  tx: Tx,
  input: {
    orderId: number;
    plan: RefundPlan;
    reason: RefundReason;
    note: string | null;
    staffId: number | null;
    ip: string | null;
    titles: Map<number, string>;
    /** Asked by the customer (the order's timeline says "Client"). */
    byCustomer?: boolean;
  },
): Promise<RefundTicket | null> {
  return toTicket(await createPlannedRefund(tx, input));
}

/** The same, returning the refund row whatever its payment: an order on account has none. */
export async function createPlannedRefund(
  tx: Tx,
  input: Parameters<typeof recordPlannedRefund>[1],
): Promise<Prisma.RefundGetPayload<{ select: typeof TICKET_SELECT }>> {
  const { orderId, plan } = input;
  const refund = await tx.refund.create({
    data: {
      orderId,
      idempotencyKey: randomUUID(),
      amountCents: plan.amountCents,
      shippingCents: plan.shippingCents,
      extraCents: plan.extraCents,
      reason: input.reason,
      note: input.note,
      restock: plan.restock,
      staffId: input.staffId,
      lines: { create: plan.lines },
    },
    select: TICKET_SELECT,
  });
  await recordAudit(tx, {
    staffId: input.staffId,
    action: 'refund.requested',
    orderId,
    after: {
      refundId: refund.id,
      amountCents: plan.amountCents,
      shippingCents: plan.shippingCents,
      extraCents: plan.extraCents,
      reason: input.reason,
      note: input.note,
      lines: plan.lines.map((line) => ({ title: input.titles.get(line.orderLineId) ?? '', quantity: line.quantity })),
      ...(input.byCustomer && { by: 'customer' }),
    },
    ip: input.ip,
  });
  return refund;
}
