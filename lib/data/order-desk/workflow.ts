import 'server-only';
import { issueInvoice } from '@/lib/data/invoicing/invoices';
import type { Carrier } from '@/lib/generated/prisma/enums';
import { awaitedCopies, checkReceive, checkTransition, type StaffTransition } from '@/lib/orders/workflow';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from '@/lib/data/staff/audit';
import { enqueueOrderEmail } from '@/lib/data/customer-mail/order-emails';
import { bumpOrderVersion, lockOrder } from './order-lock';
import type { Actor } from '@/lib/data/staff/staff';
import { lockStock, releaseOrderHolds } from '@/lib/data/stock/stock-holds';
import { ORDER_DESK_LIMITS, Rejection, transact, type Tx } from '@/lib/data/platform/transactions';

// The order desk's writes, each one transaction: lock the order, check the version the form
// showed, check the step with lib/orders/workflow.ts, write, append to the audit log.
// Cancellation goes with its refund: lib/refunds/stripe-refunds.ts.

/** Facts the workflow rules need, read under the order's lock. */
export async function readWorkflowFacts(tx: Tx, orderId: number) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      deliveryMethod: true,
      payAtPickup: true,
      paidAt: true,
      organisationId: true,
      organisation: { select: { monthlyStatement: true } },
      carrier: true,
      trackingNumber: true,
      lines: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          bookId: true,
          title: true,
          quantity: true,
          backorderQuantity: true,
          receivedQuantity: true,
          cancelledBackorderQuantity: true,
          refundedQuantity: true,
        },
      },
    },
  });
  return {
    ...order,
    facts: {
      status: order.status,
      deliveryMethod: order.deliveryMethod,
      awaitedCopies: order.lines.reduce((sum, line) => sum + awaitedCopies(line), 0),
      copiesToHandOver: order.lines.reduce((sum, line) => sum + line.quantity - line.refundedQuantity, 0),
    },
  };
}

export type StatusChange = {
  reference: string;
  version: number;
  transition: Exclude<StaffTransition, 'cancel'>;
  /** Required to ship. */
  shipment?: { carrier: Carrier; trackingNumber: string };
};

export async function changeOrderStatus(actor: Actor, change: StatusChange): Promise<Result<{ version: number }>> {
  return transact(async (tx) => {
    const { id } = await lockOrder(tx, change.reference, change.version);
    const order = await readWorkflowFacts(tx, id);
    const check = checkTransition(order.facts, change.transition);
    if (!check.ok) throw new Rejection(failure(check.code, check.message));
    if (change.transition === 'ship' && !change.shipment) {
      throw new Rejection(
        failure('SHIPMENT_MISSING', 'Indiquez le transporteur et le numéro de suivi.', {
          fieldErrors: { trackingNumber: 'Indiquez le numéro de suivi.' },
        }),
      );
    }
    const shipment = change.transition === 'ship' ? change.shipment : undefined;
    // A counter special order paid at pickup is paid now, at the till (lib/data/stock-desk/counter-orders.ts).
    const paidAtPickup = change.transition === 'collect' && order.payAtPickup && order.paidAt === null;
    // The withdrawal period runs from the day the customer has the books (art. L221-18).
    const handedOver = check.to === 'delivered' || check.to === 'collected' ? { deliveredAt: new Date() } : {};
    // The month an organisation's monthly statement covers it in (lib/invoicing/statement.ts).
    const dispatched = check.to === 'shipped' || check.to === 'collected' ? { dispatchedAt: new Date() } : {};
    const version = await bumpOrderVersion(tx, id, {
      status: check.to,
      ...shipment,
      ...handedOver,
      ...dispatched,
      ...(change.transition === 'make_ready' && { readyForPickupAt: new Date() }),
      ...(paidAtPickup && { paidAt: new Date() }),
    });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'order.status_changed',
      orderId: id,
      before: { status: order.status },
      after: { status: check.to, ...shipment },
      ip: actor.ip,
    });
    if (paidAtPickup) {
      await recordAudit(tx, { staffId: actor.id, action: 'order.paid_at_counter', orderId: id, ip: actor.ip });
      // Paid now: its invoice, numbered in this transaction (CGI art. 242 nonies A).
      await issueInvoice(tx, id, new Date());
    }
    // An order on account is invoiced when it leaves the shop, or when it is collected
    // (docs/decisions/027-orders-on-account.md): the due date runs from that invoice. An
    // organisation on monthly statements gets it at the month's end (lib/data/invoicing/statements.ts).
    if (
      order.organisation !== null &&
      !order.organisation.monthlyStatement &&
      (check.to === 'shipped' || check.to === 'collected')
    ) {
      await issueInvoice(tx, id, new Date());
    }
    // The customer hears of the parcel leaving, or of the order waiting at the shop.
    if (check.to === 'shipped') await enqueueOrderEmail(tx, id, { kind: 'shipped' });
    if (check.to === 'ready_for_pickup') await enqueueOrderEmail(tx, id, { kind: 'ready_for_pickup' });
    return { ok: true as const, version };
  }, ORDER_DESK_LIMITS);
}

/**
 * "Marquer reçu": the backordered copies of a line came from the distributor. They enter the
 * stock ledger (DELIVERY) and leave it at once for this order (SALE): on the shelf, but not for
 * sale to anyone else. The stock-desk issue books real receipts; this is the order's side.
 */
export async function receiveBackorderedCopies(
  actor: Actor,
  input: { reference: string; version: number; lineId: number },
): Promise<Result<{ version: number; received: number }>> {
  return transact(async (tx) => {
    const { id } = await lockOrder(tx, input.reference, input.version);
    const order = await readWorkflowFacts(tx, id);
    const line = order.lines.find((l) => l.id === input.lineId);
    if (!line) throw new Rejection(failure('UNKNOWN_LINE', 'Ce livre ne fait pas partie de la commande.'));
    const awaited = awaitedCopies(line);
    const check = checkReceive(order.status, awaited);
    if (!check.ok) throw new Rejection(failure(check.code, check.message));

    await lockStock(tx, [line.bookId]);
    await tx.stockMovement.createMany({
      data: [
        { bookId: line.bookId, quantity: awaited, reason: 'DELIVERY', reference: input.reference, orderId: id },
        { bookId: line.bookId, quantity: -awaited, reason: 'SALE', reference: input.reference, orderId: id },
      ],
    });
    // onHand is unchanged (+n then -n); the ledger and its cached sum stay equal.
    await tx.orderLine.update({ where: { id: line.id }, data: { receivedQuantity: { increment: awaited } } });
    const version = await bumpOrderVersion(tx, id);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'order.line_received',
      orderId: id,
      before: { lineId: line.id, title: line.title, awaited },
      after: { lineId: line.id, title: line.title, received: awaited },
      ip: actor.ip,
    });
    return { ok: true as const, version, received: awaited };
  }, ORDER_DESK_LIMITS);
}

/** An internal note on the order's timeline. It changes no state, so it never conflicts. */
export async function addOrderComment(
  actor: Actor,
  input: { reference: string; text: string },
): Promise<Result<object>> {
  return transact(async (tx) => {
    const { id } = await lockOrder(tx, input.reference, null);
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'order.comment',
      orderId: id,
      after: { text: input.text },
      ip: actor.ip,
    });
    return { ok: true as const };
  }, ORDER_DESK_LIMITS);
}

/** The reason staff had to look at the order is dealt with (the customer was told…). */
export async function clearOrderAttention(
  actor: Actor,
  input: { reference: string; version: number },
): Promise<Result<{ version: number }>> {
  return transact(async (tx) => {
    const { id } = await lockOrder(tx, input.reference, input.version);
    const order = await tx.order.findUniqueOrThrow({ where: { id }, select: { attentionReason: true } });
    if (!order.attentionReason) throw new Rejection(failure('NOTHING_TO_CLEAR', 'Aucune alerte sur cette commande.'));
    const version = await bumpOrderVersion(tx, id, { attentionReason: null });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'order.attention_cleared',
      orderId: id,
      before: { attentionReason: order.attentionReason },
      after: { attentionReason: null },
      ip: actor.ip,
    });
    return { ok: true as const, version };
  }, ORDER_DESK_LIMITS);
}

/** Cancelling: status, audit, and any hold still active back to the shelf (copies sold come back with the refund). */
export async function markOrderCancelled(tx: Tx, actor: Actor, orderId: number, from: string): Promise<void> {
  await bumpOrderVersion(tx, orderId, { status: 'cancelled' });
  await releaseOrderHolds(tx, [orderId]);
  await recordAudit(tx, {
    staffId: actor.id,
    action: 'order.status_changed',
    orderId,
    before: { status: from },
    after: { status: 'cancelled' },
    ip: actor.ip,
  });
}
