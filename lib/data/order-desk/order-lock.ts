import 'server-only';
import { failure } from '@/lib/core/result';
import type { Prisma } from '@/lib/generated/prisma/client';
import { Rejection, type Tx } from '@/lib/data/platform/transactions';

// Two members of staff acting on the same order: each form posts the order's `version` as it
// showed it. Inside the transaction the order row is locked (FOR UPDATE, the same lock the
// Stripe webhook takes, so staff and events queue too), the version compared, and bumped by the
// change. The second of two concurrent actions finds a newer version and changes nothing.

export const ORDER_CHANGED = failure('ORDER_CHANGED', 'La commande a changé, rechargez la page.');
export const UNKNOWN_ORDER = failure('UNKNOWN_ORDER', 'Commande introuvable.');

/**
 * Locks the order by its reference and checks the version the form showed (null: no check,
 * for changes that cannot conflict, like a comment). Returns its id.
 */
export async function lockOrder(
  tx: Tx,
  reference: string,
  version: number | null,
): Promise<{ id: number; version: number }> {
  const rows = await tx.$queryRaw<{ id: number; version: number }[]>`
    SELECT "id", "version" FROM "Order" WHERE "reference" = ${reference} FOR UPDATE`;
  const order = rows[0];
  if (!order) throw new Rejection(UNKNOWN_ORDER);
  if (version !== null && order.version !== version) throw new Rejection(ORDER_CHANGED);
  return order;
}

/** Every change the order desk makes to an order moves its version on. */
export async function bumpOrderVersion(tx: Tx, orderId: number, data: Prisma.OrderUpdateInput = {}): Promise<number> {
  const updated = await tx.order.update({
    where: { id: orderId },
    data: { ...data, version: { increment: 1 } },
    select: { version: true },
  });
  return updated.version;
}
