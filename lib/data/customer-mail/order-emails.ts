import 'server-only';
import { ORDER_SNAPSHOT_SELECT } from './order-selects';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isoDay } from '@/lib/availability';
import { emailVersion, type OrderEmailKind } from '@/lib/email/kinds';
import { emailOrderOf } from '@/lib/email/order-snapshot';
import type { EmailPayload, StoredEmailPayload } from '@/lib/email/payload';
import { shopIdentityOf } from '@/lib/shop/shop-identity';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import { trackingUrl } from '@/lib/orders/carriers';
import { sendJob } from '@/lib/data/platform/job-queue';
import { readShopSettings, type StoredShopSettings } from '@/lib/data/staff/shop-settings';
import { currentTerms } from '@/lib/terms/current-terms';
import { TERMS_VERSION } from '@/lib/terms/version';
import type { Tx } from '@/lib/data/platform/transactions';
import type { LinkPurpose } from '@/lib/email/kinds';
import { withdrawalRefundBy } from '@/lib/tracking/withdrawal-period';

// The e-mails an order's changes cause, written by the transaction of the change itself: the
// outbox row (EmailMessage, unique per kind, order and version) and its pg-boss job. An event
// applied twice finds the row there and queues nothing; a crash after the commit leaves both,
// and the worker sends it when it runs again (docs/decisions/013-outbox-and-tracking-tokens.md).
// Callers: the Stripe webhook (lib/data/buying/payments.ts), the order desk (order-desk.ts, refunds.ts),
// the purge job, the tracking lookup, withdrawals; the stock desk calls it with 'delayed'.

export type OrderEmailEvent =
  | { kind: Exclude<OrderEmailKind, 'refunded' | 'withdrawal_received' | 'tracking_link'> }
  | { kind: 'refunded'; refundId: number }
  | { kind: 'withdrawal_received'; withdrawalId: number }
  | { kind: 'tracking_link'; askedAt: Date; purpose: LinkPurpose };

type OrderSnapshot = Prisma.OrderGetPayload<{ select: typeof ORDER_SNAPSHOT_SELECT }>;

async function payloadOf(
  tx: Tx,
  order: OrderSnapshot,
  event: OrderEmailEvent,
  settings: StoredShopSettings,
): Promise<EmailPayload | null> {
  const base = emailOrderOf(order, settings.orderCutoffHour);
  switch (event.kind) {
    case 'order_confirmation':
      // The confirmation carries the terms the customer accepted, as they read then (art. L221-13).
      return {
        kind: 'order_confirmation',
        order: base,
        terms: order.termsVersion === TERMS_VERSION ? currentTerms(settings) : null,
      };
    case 'shipped':
      if (!order.carrier || !order.trackingNumber) return null;
      return {
        kind: 'shipped',
        order: base,
        shipment: {
          carrier: order.carrier,
          trackingNumber: order.trackingNumber,
          trackingUrl: trackingUrl(order.carrier, order.trackingNumber, order.postalCode),
        },
      };
    case 'refunded': {
      const refund = await tx.refund.findUniqueOrThrow({
        where: { id: event.refundId },
        select: {
          orderId: true,
          amountCents: true,
          shippingCents: true,
          extraCents: true,
          lines: {
            orderBy: { id: 'asc' },
            select: { quantity: true, amountCents: true, orderLine: { select: { title: true } } },
          },
        },
      });
      const applied = await tx.refund.aggregate({
        where: { orderId: refund.orderId, appliedAt: { not: null } },
        _sum: { amountCents: true },
      });
      return {
        kind: 'refunded',
        order: base,
        refund: {
          amountCents: refund.amountCents,
          shippingCents: refund.shippingCents,
          extraCents: refund.extraCents,
          lines: refund.lines.map((line) => ({
            title: line.orderLine.title,
            quantity: line.quantity,
            amountCents: line.amountCents,
          })),
          refundedTotalCents: applied._sum.amountCents ?? refund.amountCents,
        },
      };
    }
    case 'withdrawal_received': {
      const withdrawal = await tx.withdrawal.findUniqueOrThrow({
        where: { id: event.withdrawalId },
        select: {
          declaredAt: true,
          wholeOrder: true,
          declarantName: true,
          reason: true,
          lines: {
            orderBy: { orderLineId: 'asc' },
            select: { quantity: true, orderLine: { select: { title: true } } },
          },
        },
      });
      return {
        kind: 'withdrawal_received',
        order: base,
        withdrawal: {
          declaredAt: withdrawal.declaredAt.toISOString(),
          wholeOrder: withdrawal.wholeOrder,
          declarantName: withdrawal.declarantName,
          reason: withdrawal.reason,
          lines: withdrawal.lines.map((line) => ({ title: line.orderLine.title, quantity: line.quantity })),
          refundBy: withdrawalRefundBy(withdrawal.declaredAt),
          booksLeftShop: ['shipped', 'delivered', 'collected'].includes(order.status),
        },
      };
    }
    case 'delayed':
      return order.deliveryLatestOn ? { kind: 'delayed', order: base } : null;
    case 'tracking_link':
      return { kind: 'tracking_link', order: base, purpose: event.purpose };
    default:
      return { kind: event.kind, order: base };
  }
}

function versionOf(order: OrderSnapshot, event: OrderEmailEvent): number {
  switch (event.kind) {
    case 'refunded':
    case 'withdrawal_received':
    case 'tracking_link':
      return emailVersion(event);
    case 'delayed':
      return emailVersion({ kind: 'delayed', latestOn: order.deliveryLatestOn ? isoDay(order.deliveryLatestOn) : '0' });
    default:
      return emailVersion({ kind: event.kind });
  }
}

/**
 * Owes the order's customer this e-mail, inside the caller's transaction. Returns the outbox
 * row's id, or null when the same e-mail is already owed (or there is nothing to say).
 */
export async function enqueueOrderEmail(tx: Tx, orderId: number, event: OrderEmailEvent): Promise<number | null> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: ORDER_SNAPSHOT_SELECT });
  const settings = await readShopSettings(tx);
  const payload = await payloadOf(tx, order, event, settings);
  if (!payload) return null;
  const version = versionOf(order, event);
  // The seller as it is now, when the e-mail is owed (EmailMessage.payload.shop).
  const stored: StoredEmailPayload = { ...payload, shop: shopIdentityOf(settings) };
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "EmailMessage" ("kind", "orderId", "version", "toAddress", "payload", "updatedAt")
    VALUES (${event.kind}::"EmailKind", ${orderId}, ${version}, ${order.email}, ${JSON.stringify(stored)}::jsonb, now())
    ON CONFLICT ("kind", "orderId", "version") DO NOTHING
    RETURNING "id"`;
  const id = inserted[0]?.id;
  if (id === undefined) return null;
  await sendJob(QUEUE_NAMES.email, { emailId: id }, tx);
  return id;
}
