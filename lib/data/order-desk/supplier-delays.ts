import 'server-only';
import { isoDay, toDateOnly } from '@/lib/availability';
import { lineDeliveryWindow, orderWindowOfLines } from '@/lib/orders/delivery-plan';
import { awaitedCopies, checkReceive } from '@/lib/orders/workflow';
import { failure, type Result } from '@/lib/core/result';
import { recordAudit } from '@/lib/data/staff/audit';
import { enqueueOrderEmail } from '@/lib/data/customer-mail/order-emails';
import { bumpOrderVersion, lockOrder } from './order-lock';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import type { Actor } from '@/lib/data/staff/staff';
import { ORDER_DESK_LIMITS, Rejection, transact } from '@/lib/data/platform/transactions';

export type AnnouncedDelay = { version: number; latestOn: string | null; customerTold: boolean };

/**
 * The distributor gives a new date for a line's awaited copies (a reprint, a late parcel): the
 * line's estimate counts from it, the order's window follows its slowest line, and when the
 * promised delivery moves later the customer gets the "Nouveau délai" e-mail, in the same
 * transaction (one e-mail per new date, lib/email/kinds.ts). An earlier date is
 * recorded without an e-mail: the books come sooner than promised.
 */
export async function announceSupplierDelay(
  actor: Actor,
  input: { reference: string; version: number; lineId: number; expectedOn: Date },
): Promise<Result<AnnouncedDelay>> {
  return transact(async (tx) => {
    const { id } = await lockOrder(tx, input.reference, input.version);
    const order = await tx.order.findUniqueOrThrow({
      where: { id },
      select: {
        status: true,
        deliveryMethod: true,
        createdAt: true,
        paidAt: true,
        deliveryLatestOn: true,
        lines: {
          orderBy: { id: 'asc' },
          select: {
            id: true,
            title: true,
            backorderQuantity: true,
            receivedQuantity: true,
            cancelledBackorderQuantity: true,
            shipWithinMinDays: true,
            shipWithinMaxDays: true,
            supplierExpectedOn: true,
          },
        },
      },
    });
    const line = order.lines.find((candidate) => candidate.id === input.lineId);
    if (!line) throw new Rejection(failure('UNKNOWN_LINE', 'Ce livre ne fait pas partie de la commande.'));
    // Only copies still awaited from the distributor can be late (the same rule as "Marquer reçu").
    const check = checkReceive(order.status, awaitedCopies(line));
    if (!check.ok) throw new Rejection(failure(check.code, check.message));

    const { orderCutoffHour } = await readShopSettings(tx);
    const orderedAt = order.paidAt ?? order.createdAt;
    const lines = order.lines.map((l) => (l.id === line.id ? { ...l, supplierExpectedOn: input.expectedOn } : l));
    const window = orderWindowOfLines(
      lines.map((l) => lineDeliveryWindow(l, order.deliveryMethod, orderedAt, orderCutoffHour)),
    );
    const before = order.deliveryLatestOn ? isoDay(order.deliveryLatestOn) : null;
    const after = window ? isoDay(window.latest) : before;
    await tx.orderLine.update({ where: { id: line.id }, data: { supplierExpectedOn: input.expectedOn } });
    const version = await bumpOrderVersion(
      tx,
      id,
      window ? { deliveryEarliestOn: toDateOnly(window.earliest), deliveryLatestOn: toDateOnly(window.latest) } : {},
    );
    const later = after !== null && (before === null || after > before);
    if (later) await enqueueOrderEmail(tx, id, { kind: 'delayed' });
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'order.delay_announced',
      orderId: id,
      before: {
        title: line.title,
        expectedOn: line.supplierExpectedOn ? isoDay(line.supplierExpectedOn) : null,
        deliveryLatestOn: before,
      },
      after: {
        title: line.title,
        expectedOn: isoDay(input.expectedOn),
        deliveryLatestOn: after,
        customerTold: later,
      },
      ip: actor.ip,
    });
    return { ok: true as const, version, latestOn: after, customerTold: later };
  }, ORDER_DESK_LIMITS);
}
