import 'server-only';
import { describeBookAvailability } from '@/lib/catalog/book-availability';
import { AVAILABILITY_FACTS_SELECT } from '@/lib/data/storefront/book-selects';
import { afterCommit, type Tx } from '@/lib/data/platform/transactions';
import { countHoldsExpired } from '@/lib/observability/metrics';

// Every write to stock goes through these, inside the caller's transaction:
// 1. lock the books' StockLevel rows in ascending bookId order (one fixed order for every
//    transaction, so two buyers of the same books can never deadlock);
// 2. release the holds that have expired, so copies come back even if Stripe's
//    `checkout.session.expired` event is late or lost.
// No in-memory lock: N app instances on one PostgreSQL behave like one.

export type StockRow = { bookId: number; onHand: number; held: number };

/**
 * Locks the books' stock rows, creating the missing ones first (a book created by hand or by a
 * feed, or from before the ledger, may have none): then the same as `lockStock`.
 */
export async function lockBookStock(tx: Tx, bookIds: number[]): Promise<Map<number, StockRow>> {
  const ids = [...new Set(bookIds)];
  if (ids.length === 0) return new Map();
  await tx.$executeRaw`
    INSERT INTO "StockLevel" ("bookId", "onHand", "held", "updatedAt")
    SELECT unnest(${ids}::int[]), 0, 0, now()
    ON CONFLICT ("bookId") DO NOTHING`;
  return lockStock(tx, ids);
}

export async function lockStock(tx: Tx, bookIds: number[]): Promise<Map<number, StockRow>> {
  const ids = [...new Set(bookIds)].sort((a, b) => a - b);
  if (ids.length === 0) return new Map();
  // One round trip: lock the rows in book order, release their expired holds, and return the
  // rows as they are after the release (a data-modifying CTE's result is not visible to the
  // other parts of the statement, hence `held - released`).
  const rows = await tx.$queryRaw<(StockRow & { expiredHolds: number })[]>`
    WITH locked AS (
      SELECT "bookId", "onHand", "held" FROM "StockLevel"
      WHERE "bookId" = ANY(${ids}::int[]) ORDER BY "bookId" FOR UPDATE
    ), expired AS (
      UPDATE "Hold" SET "status" = 'released', "updatedAt" = now()
      WHERE "bookId" IN (SELECT "bookId" FROM locked) AND "status" = 'active' AND "expiresAt" <= now()
      RETURNING "bookId", "quantity"
    ), released AS (
      SELECT "bookId", SUM("quantity")::int AS quantity, COUNT(*)::int AS holds FROM expired GROUP BY "bookId"
    ), updated AS (
      UPDATE "StockLevel" s SET "held" = s."held" - released.quantity, "updatedAt" = now()
      FROM released WHERE s."bookId" = released."bookId"
      RETURNING s."bookId"
    )
    SELECT l."bookId", l."onHand", l."held" - COALESCE(r.quantity, 0) AS "held", COALESCE(r.holds, 0) AS "expiredHolds"
    FROM locked l LEFT JOIN released r ON r."bookId" = l."bookId"`;
  const expiredHolds = rows.reduce((sum, row) => sum + row.expiredHolds, 0);
  if (expiredHolds > 0) afterCommit(tx, () => countHoldsExpired(expiredHolds));
  return new Map(rows.map(({ bookId, onHand, held }) => [bookId, { bookId, onHand, held }]));
}

/** Releases orders' active holds (expired session, failed payment, a newer order of the same cart). */
export async function releaseOrderHolds(
  tx: Tx,
  orderIds: number[],
  options: { stockLocked?: boolean } = {},
): Promise<void> {
  if (orderIds.length === 0) return;
  if (!options.stockLocked) {
    const held = await tx.hold.findMany({
      where: { orderId: { in: orderIds }, status: 'active' },
      select: { bookId: true },
    });
    await lockStock(
      tx,
      held.map((hold) => hold.bookId),
    );
  }
  await tx.$executeRaw`
    WITH released AS (
      UPDATE "Hold" SET "status" = 'released', "updatedAt" = now()
      WHERE "orderId" = ANY(${orderIds}::int[]) AND "status" = 'active'
      RETURNING "bookId", "quantity"
    ), totals AS (
      SELECT "bookId", SUM("quantity")::int AS quantity FROM released GROUP BY "bookId"
    )
    UPDATE "StockLevel" s SET "held" = s."held" - totals.quantity, "updatedAt" = now()
    FROM totals WHERE s."bookId" = totals."bookId"`;
}

/**
 * Recomputes the stored availability of books whose copies on hand changed. Writes only the
 * books whose state moved: a rewrite of the same value would still purge the book and every
 * listing from the front cache (the Book trigger, docs/decisions/014-front-cache.md).
 */
export async function refreshStoredAvailability(tx: Tx, bookIds: number[]): Promise<void> {
  const books = await tx.book.findMany({
    where: { id: { in: bookIds } },
    select: { id: true, availability: true, ...AVAILABILITY_FACTS_SELECT },
  });
  for (const book of books) {
    const state = describeBookAvailability(book).state;
    if (state !== book.availability) await tx.book.update({ where: { id: book.id }, data: { availability: state } });
  }
}
