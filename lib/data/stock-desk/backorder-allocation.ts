import 'server-only';
import type { OrderOrigin } from '@/lib/generated/prisma/enums';
import { planBackorderAllocation, type WaitingLine } from '@/lib/stock/backorder-allocation';
import { awaitedCopies, orderStage, type OrderStage } from '@/lib/orders/workflow';
import { recordAudit } from '@/lib/data/staff/audit';
import { bumpOrderVersion } from '@/lib/data/order-desk/order-lock';
import { bookMovements } from '@/lib/data/stock/stock-ledger';
import type { Actor } from '@/lib/data/staff/staff';
import type { Tx } from '@/lib/data/platform/transactions';

// Copies received from a distributor serve the customers who wait for them, oldest order first
// (lib/stock/backorder-allocation.ts), before anything goes on the shelf. This moves those
// orders forward: an online order whose last awaited copy arrived is "à préparer" on the order
// desk (a stage derived from its lines, lib/orders/workflow.ts); a counter special order becomes
// "prête au retrait" at once (its copy is set aside with the customer's name).
//
// Kept on its own so that what must follow an order moving forward (telling the customer by
// e-mail) is hooked in one place: `allocateReceivedCopies` returns those orders.

/**
 * Locks, in ascending id order, the paid orders that wait for copies of these books. Call before
 * locking the books' stock rows (lockStock): every writer takes an order's row before stock rows
 * (the Stripe webhook, refunds, the order desk), so the two never wait on each other in a cycle.
 */
export async function lockWaitingOrders(tx: Tx, bookIds: number[]): Promise<number[]> {
  if (bookIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT o."id" FROM "Order" o
    WHERE o."status" = 'paid' AND EXISTS (
      SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o."id" AND l."bookId" = ANY(${bookIds}::int[])
        AND l."backorderQuantity" > l."receivedQuantity" + l."cancelledBackorderQuantity")
    ORDER BY o."id"
    FOR UPDATE OF o`;
  return rows.map((row) => row.id);
}

export type OrderMovedForward = {
  orderId: number;
  reference: string;
  origin: OrderOrigin;
  fullName: string;
  email: string;
  phone: string;
  /** Where the order stands now: "à préparer", "prête au retrait", or still awaiting other copies. */
  stage: OrderStage;
  /** Copies of this delivery set aside for it, per title. */
  copies: { title: string; quantity: number }[];
};

export type AllocationOutcome = {
  orders: OrderMovedForward[];
  /** Copies of each book that go on the shelf. */
  toShelf: Map<number, number>;
};

/**
 * Gives received copies to the locked waiting orders, oldest first: an ORDER_ALLOCATION movement
 * per order line (the copies leave the shelf for that customer), the line's received count, the
 * order's version (a form showing the old state is refused), and an audit entry per order.
 * Call with the orders locked (lockWaitingOrders) and then the books' stock rows, after the
 * received copies entered the ledger.
 */
export async function allocateReceivedCopies(
  tx: Tx,
  input: {
    received: ReadonlyMap<number, number>;
    lockedOrderIds: number[];
    document: { deliveryId: number; reference: string };
    actor: Actor;
    now: Date;
  },
): Promise<AllocationOutcome> {
  const { received, lockedOrderIds, document, actor, now } = input;
  const orders =
    lockedOrderIds.length === 0
      ? []
      : await tx.order.findMany({
          // Read again under the locks: what the orders wait for now.
          where: { id: { in: lockedOrderIds }, status: 'paid' },
          select: {
            id: true,
            reference: true,
            origin: true,
            fullName: true,
            email: true,
            phone: true,
            status: true,
            paidAt: true,
            createdAt: true,
            lines: {
              orderBy: { id: 'asc' },
              select: {
                id: true,
                bookId: true,
                title: true,
                backorderQuantity: true,
                receivedQuantity: true,
                cancelledBackorderQuantity: true,
              },
            },
          },
        });
  const waiting: WaitingLine[] = orders.flatMap((order) =>
    order.lines.map((line) => ({
      orderId: order.id,
      lineId: line.id,
      bookId: line.bookId,
      awaited: awaitedCopies(line),
      // A counter order paid at pickup has no paidAt: it queues from when it was taken.
      since: order.paidAt ?? order.createdAt,
    })),
  );
  const plan = planBackorderAllocation(received, waiting);
  if (plan.allocations.length === 0) return { orders: [], toShelf: plan.toShelf };

  await bookMovements(
    tx,
    plan.allocations.map((allocation) => {
      const order = orders.find((o) => o.id === allocation.orderId);
      return {
        bookId: allocation.bookId,
        quantity: -allocation.quantity,
        reason: 'ORDER_ALLOCATION',
        reference: order?.reference ?? null,
        orderId: allocation.orderId,
        deliveryId: document.deliveryId,
        staffId: actor.id,
      };
    }),
  );
  for (const allocation of plan.allocations) {
    await tx.orderLine.update({
      where: { id: allocation.lineId },
      data: { receivedQuantity: { increment: allocation.quantity } },
    });
  }

  const moved: OrderMovedForward[] = [];
  for (const order of orders) {
    const mine = plan.allocations.filter((allocation) => allocation.orderId === order.id);
    if (mine.length === 0) continue;
    const stillAwaited = order.lines.reduce((sum, line) => {
      const given = mine.find((allocation) => allocation.lineId === line.id)?.quantity ?? 0;
      return sum + awaitedCopies(line) - given;
    }, 0);
    // A counter order waits for nothing else: its copy is set aside, the customer can come.
    const readyForPickup = order.origin === 'counter' && stillAwaited === 0;
    await bumpOrderVersion(tx, order.id, readyForPickup ? { status: 'ready_for_pickup', readyForPickupAt: now } : {});
    const copies = mine.map((allocation) => ({
      title: order.lines.find((line) => line.id === allocation.lineId)?.title ?? '',
      quantity: allocation.quantity,
    }));
    await recordAudit(tx, {
      staffId: actor.id,
      action: 'order.copies_allocated',
      orderId: order.id,
      before: { awaited: stillAwaited + mine.reduce((sum, a) => sum + a.quantity, 0) },
      after: {
        delivery: document.reference,
        deliveryId: document.deliveryId,
        copies,
        awaited: stillAwaited,
        ...(readyForPickup && { status: 'ready_for_pickup' }),
      },
      ip: actor.ip,
    });
    moved.push({
      orderId: order.id,
      reference: order.reference,
      origin: order.origin,
      fullName: order.fullName,
      email: order.email,
      phone: order.phone,
      stage: readyForPickup ? 'ready_for_pickup' : orderStage('paid', stillAwaited),
      copies,
    });
  }
  return { orders: moved, toShelf: plan.toShelf };
}
