import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { failure, type Failure } from '@/lib/validation/action-result';

type Tx = Prisma.TransactionClient;

// Two members of staff acting on the same order: each form posts the order's `version` as it
// showed it. Inside the transaction the order row is locked (FOR UPDATE, the same lock the
// Stripe webhook takes, so staff and events queue too), the version compared, and bumped by the
// change. The second of two concurrent actions finds a newer version and changes nothing.

export const ORDER_CHANGED = failure('ORDER_CHANGED', 'La commande a changé, rechargez la page.');
export const UNKNOWN_ORDER = failure('UNKNOWN_ORDER', 'Commande introuvable.');

// Staff wait behind a webhook or a colleague for a few seconds, never for long.
export const STAFF_TRANSACTION_LIMITS = { maxWait: 5_000, timeout: 15_000 };

/** Thrown inside a transaction to roll it back whole; caught by the caller and returned. */
export class OrderDeskRejection extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

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
  if (!order) throw new OrderDeskRejection(UNKNOWN_ORDER);
  if (version !== null && order.version !== version) throw new OrderDeskRejection(ORDER_CHANGED);
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

/** Runs a staff change; a rejection thrown inside rolls it back and comes out as a value. */
export async function asStaffResult<T>(work: () => Promise<T>): Promise<T | Failure> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OrderDeskRejection) return error.failure;
    // Waited too long behind another change (P2028), or PostgreSQL broke a deadlock (P2034).
    if (error instanceof Prisma.PrismaClientKnownRequestError && ['P2028', 'P2034'].includes(error.code)) {
      return failure('BUSY', 'La commande est en cours de modification : réessayez dans un instant.');
    }
    throw error;
  }
}
