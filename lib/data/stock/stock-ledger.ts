import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { StockMovementReason } from '@/lib/generated/prisma/enums';
import { failure } from '@/lib/core/result';
import { refreshStoredAvailability } from '@/lib/data/stock/stock-holds';
import { Rejection, type Tx } from '@/lib/data/platform/transactions';

// The stock desk's writes to the ledger. Every one runs inside the caller's transaction, with the
// books' StockLevel rows already locked (lockStock, ascending book ids): it appends the movements
// and moves StockLevel.onHand by their sum in the same statement batch, so onHand always equals
// the ledger's sum (docs/decisions/012-stock-desk-receiving-and-ledger.md).

export type MovementInput = {
  bookId: number;
  quantity: number;
  reason: StockMovementReason;
  reference?: string | null;
  note?: string | null;
  orderId?: number | null;
  deliveryId?: number | null;
  supplierReturnId?: number | null;
  inventoryId?: number | null;
  staffId?: number | null;
};

/**
 * Appends movements and moves each book's copies on hand by their sum. Call with the books'
 * stock rows locked. A movement that would leave fewer copies than are held for readers paying
 * (or fewer than none) is refused with the book's title, and the whole transaction rolls back.
 */
export async function bookMovements(tx: Tx, movements: MovementInput[]): Promise<void> {
  const moving = movements.filter((movement) => movement.quantity !== 0);
  if (moving.length === 0) return;
  const byBook = new Map<number, number>();
  for (const movement of moving) byBook.set(movement.bookId, (byBook.get(movement.bookId) ?? 0) + movement.quantity);

  const bookIds = [...byBook.keys()].sort((a, b) => a - b);
  const deltas = bookIds.map((id) => byBook.get(id) ?? 0);
  const refused = await tx.$queryRaw<{ title: string; onHand: number; held: number; delta: number }[]>`
    SELECT b."title", s."onHand", s."held", d.delta
    FROM unnest(${bookIds}::int[], ${deltas}::int[]) AS d(book_id, delta)
    JOIN "StockLevel" s ON s."bookId" = d.book_id
    JOIN "Book" b ON b."id" = d.book_id
    WHERE s."onHand" + d.delta < s."held"`;
  const first = refused[0];
  if (first) {
    const left = first.onHand - first.held;
    throw new Rejection(
      failure(
        'NOT_ENOUGH_ON_HAND',
        `« ${first.title} » : ${Math.abs(first.delta)} exemplaire${Math.abs(first.delta) > 1 ? 's' : ''} à sortir, mais ${left} seulement en rayon et libre${left > 1 ? 's' : ''}${first.held > 0 ? ` (${first.held} réservé${first.held > 1 ? 's' : ''} par des paiements en cours)` : ''}.`,
      ),
    );
  }

  await tx.stockMovement.createMany({
    data: moving.map((movement) => ({
      bookId: movement.bookId,
      quantity: movement.quantity,
      reason: movement.reason,
      reference: movement.reference ?? null,
      note: movement.note ?? null,
      orderId: movement.orderId ?? null,
      deliveryId: movement.deliveryId ?? null,
      supplierReturnId: movement.supplierReturnId ?? null,
      inventoryId: movement.inventoryId ?? null,
      staffId: movement.staffId ?? null,
    })),
  });
  await tx.$executeRaw`
    UPDATE "StockLevel" s SET "onHand" = s."onHand" + d.delta, "updatedAt" = now()
    FROM unnest(${bookIds}::int[], ${deltas}::int[]) AS d(book_id, delta)
    WHERE s."bookId" = d.book_id AND d.delta <> 0`;
  await refreshStoredAvailability(tx, bookIds);
}

/** A document's unique key was taken by someone else: their transaction committed first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
