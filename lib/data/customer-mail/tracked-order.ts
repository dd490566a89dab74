import 'server-only';
import { getDb } from '@/lib/db';
import { emailOrderOf } from '@/lib/email/order-snapshot';
import { CARRIERS, trackingUrl } from '@/lib/orders/carriers';
import { onAccountState } from '@/lib/orders/on-account';
import { ORDER_STATUSES, type OrderStatus } from '@/lib/orders/status';
import { awaitedCopies } from '@/lib/orders/workflow';
import { planPreOrderCancellation } from '@/lib/orders/pre-order';
import { customerTimeline, maskStreet } from '@/lib/tracking/customer-view';
import { checkWithdrawal, withdrawableLine } from '@/lib/tracking/withdrawal';
import { ORDER_SNAPSHOT_SELECT } from './order-selects';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { withdrawalCountsFrom } from './withdrawal-requests';

// What /suivi/<token> shows, once the token opened the order (lib/data/customer-mail/tracking-tokens.ts): the
// customer's own view, never staff names, notes or Stripe ids.

const TRACKED_ORDER_SELECT = {
  ...ORDER_SNAPSHOT_SELECT,
  id: true,
  deliveredAt: true,
  origin: true,
  organisationId: true,
  invoices: { where: { invoice: { kind: 'invoice' } }, select: { invoiceId: true } },
  lines: {
    orderBy: { id: 'asc' },
    select: {
      ...ORDER_SNAPSHOT_SELECT.lines.select,
      id: true,
      receivedQuantity: true,
      cancelledBackorderQuantity: true,
      refundedQuantity: true,
      priceDropPerCopyCents: true,
      withdrawalLines: { select: { quantity: true } },
      refundLines: { where: { refund: { status: { not: 'failed' } } }, select: { quantity: true } },
    },
  },
  refunds: {
    where: { appliedAt: { not: null } },
    orderBy: { appliedAt: 'asc' },
    select: { appliedAt: true, amountCents: true },
  },
  withdrawals: {
    orderBy: { declaredAt: 'asc' },
    select: {
      id: true,
      declaredAt: true,
      reason: true,
      lines: { select: { quantity: true, orderLine: { select: { title: true } } } },
    },
  },
  auditEntries: {
    where: { action: 'order.status_changed' },
    orderBy: { at: 'asc' },
    select: { at: true, after: true },
  },
} as const;

function isStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export async function getTrackedOrder(orderId: number, now: Date) {
  const order = await getDb().order.findUnique({ where: { id: orderId }, select: TRACKED_ORDER_SELECT });
  if (!order) return null;
  const view = emailOrderOf(order, (await getShopSettings()).orderCutoffHour);
  const reachedAt: Partial<Record<OrderStatus, Date>> = {};
  for (const entry of order.auditEntries) {
    const status = (entry.after as { status?: unknown } | null)?.status;
    if (isStatus(status)) reachedAt[status] ??= entry.at;
  }
  const awaitedLines = order.lines.filter((line) => awaitedCopies(line) > 0);
  const awaitedUntil =
    view.lines
      .filter((_, index) => awaitedCopies(order.lines[index]!) > 0)
      .map((line) => line.deliveryLatestOn)
      .filter((day): day is string => day !== null)
      .sort()
      .at(-1) ?? null;
  const shipment =
    order.carrier && order.trackingNumber
      ? {
          carrierLabel: CARRIERS[order.carrier].label,
          trackingNumber: order.trackingNumber,
          url: trackingUrl(order.carrier, order.trackingNumber, order.postalCode),
        }
      : null;
  const withdrawal = checkWithdrawal({
    status: order.status,
    origin: order.origin,
    deliveredAt: order.deliveredAt,
    now: await withdrawalCountsFrom(getDb(), order.id, now),
    lines: order.lines.map(withdrawableLine),
  });
  // "Annuler ma précommande": what the customer may still cancel (lib/orders/pre-order.ts).
  const preOrderCancellation = planPreOrderCancellation({
    status: order.status,
    lines: order.lines.map((line) => ({
      id: line.id,
      title: line.title,
      quantity: line.quantity,
      preOrderPublishedOn: line.preOrderPublishedOn,
      awaited: awaitedCopies(line),
      spokenForQuantity: line.refundLines.reduce((sum, refundLine) => sum + refundLine.quantity, 0),
      unitPriceCents: line.unitPriceCents,
      priceDropPerCopyCents: line.priceDropPerCopyCents,
    })),
  });
  return {
    ...view,
    id: order.id,
    // A counter order was paid at the till: it is cancelled there, not online.
    // Online and paid by card: an order on account (an organisation's, paid by transfer on its
    // invoice) is cancelled by staff, not refunded through Stripe (decision 027).
    preOrderCancellation:
      preOrderCancellation.ok && order.origin === 'online' && order.organisationId === null
        ? preOrderCancellation
        : null,
    status: order.status,
    paid: order.paidAt !== null,
    paidAt: order.paidAt,
    onAccount: onAccountState({
      onAccount: order.organisationId !== null,
      invoiced: order.invoices.length > 0,
      paid: order.paidAt !== null,
    }),
    maskedAddress: view.address && {
      street: maskStreet(view.address.line1),
      postalCode: view.address.postalCode,
      city: view.address.city,
    },
    lineIds: order.lines.map((line) => line.id),
    timeline: customerTimeline({
      status: order.status,
      deliveryMethod: order.deliveryMethod,
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      reachedAt,
      backorderedCopies: order.lines.reduce((sum, line) => sum + line.backorderQuantity, 0),
      awaitedCopies: awaitedLines.reduce((sum, line) => sum + awaitedCopies(line), 0),
      awaitedUntil,
      shipment,
      refunds: order.refunds.map((refund) => ({ at: refund.appliedAt!, amountCents: refund.amountCents })),
      totalCents: order.totalCents,
    }),
    withdrawal,
    withdrawals: order.withdrawals.map((w) => ({
      id: w.id,
      declaredAt: w.declaredAt,
      reason: w.reason,
      lines: w.lines.map((l) => ({ title: l.orderLine.title, quantity: l.quantity })),
    })),
  };
}

export type TrackedOrder = NonNullable<Awaited<ReturnType<typeof getTrackedOrder>>>;
