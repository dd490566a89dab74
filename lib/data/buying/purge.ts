import 'server-only';
import { getDb } from '@/lib/db';
import { SHOP } from '@/lib/shop/config';
import { enqueueOrderEmail } from '@/lib/data/customer-mail/order-emails';
import { lockStock } from '@/lib/data/stock/stock-holds';
import { transactOrThrow } from '@/lib/data/platform/transactions';

// Housekeeping of the buying path, run every minute by the job queue (scripts/worker.ts).
// Nothing here is needed for correctness (expired holds are also released by the next buyer
// of the book), but without it abandoned rows pile up and the `held` counter of a book nobody
// touches stays high.

/** Carts live as long as their cookie (30 days); an empty cart a day. */
const CART_LIFETIME_DAYS = 30;
const EMPTY_CART_LIFETIME_HOURS = 24;
const BATCH = 500;

export type PurgeReport = {
  releasedHoldBooks: number;
  expiredOrders: number;
  deletedCarts: number;
  deletedRateLimits: number;
};

export async function purgeAbandoned(now: Date): Promise<PurgeReport> {
  return {
    releasedHoldBooks: await releaseExpiredHolds(),
    expiredOrders: await expireUnpaidOrders(now),
    deletedCarts: await deleteOldCarts(now),
    deletedRateLimits: await deleteExpiredRateLimits(now),
  };
}

/** Books with expired active holds, a batch at a time: locking their stock releases the holds. */
async function releaseExpiredHolds(): Promise<number> {
  let books = 0;
  for (;;) {
    const rows = await getDb().$queryRaw<{ bookId: number }[]>`
      SELECT DISTINCT "bookId" FROM "Hold"
      WHERE "status" = 'active' AND "expiresAt" <= now()
      ORDER BY "bookId" LIMIT ${BATCH}`;
    if (rows.length === 0) return books;
    await transactOrThrow((tx) =>
      lockStock(
        tx,
        rows.map((row) => row.bookId),
      ),
    );
    books += rows.length;
    if (rows.length < BATCH) return books;
  }
}

/**
 * Unpaid orders past their payment window become `expired` (a payment that still arrives is
 * honoured by the webhook), as do orders that never got a payment page (the app stopped
 * between the order and Stripe). Their holds were released above. A reader who reached the
 * payment page is told, with a link back to the cart, in the same transaction (the same e-mail
 * as Stripe's checkout.session.expired would owe: one of the two is written).
 */
async function expireUnpaidOrders(now: Date): Promise<number> {
  const noPageSince = new Date(now.getTime() - (SHOP.provisionalHoldMinutes + 1) * 60_000);
  let expired = 0;
  for (;;) {
    const count = await transactOrThrow(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number; hadPaymentPage: boolean }[]>`
        UPDATE "Order" SET "status" = 'expired', "updatedAt" = now()
        WHERE "id" IN (
          SELECT "id" FROM "Order"
          WHERE "status" = 'pending_payment'
            AND ("holdExpiresAt" < ${now} OR ("stripeSessionId" IS NULL AND "createdAt" < ${noPageSince}))
          ORDER BY "id" LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING "id", ("stripeSessionId" IS NOT NULL) AS "hadPaymentPage"`;
      for (const row of rows) {
        if (row.hadPaymentPage) await enqueueOrderEmail(tx, row.id, { kind: 'payment_expired' });
      }
      return rows.length;
    });
    expired += count;
    if (count < BATCH) return expired;
  }
}

async function deleteOldCarts(now: Date): Promise<number> {
  const untouchedSince = new Date(now.getTime() - CART_LIFETIME_DAYS * 24 * 3600_000);
  const emptySince = new Date(now.getTime() - EMPTY_CART_LIFETIME_HOURS * 3600_000);
  let deleted = 0;
  for (;;) {
    const count = await getDb().$executeRaw`
      DELETE FROM "Cart" WHERE "id" IN (
        SELECT c."id" FROM "Cart" c
        WHERE c."updatedAt" < ${untouchedSince}
           OR (c."updatedAt" < ${emptySince} AND NOT EXISTS (SELECT 1 FROM "CartLine" l WHERE l."cartId" = c."id"))
        LIMIT ${BATCH}
      )`;
    deleted += count;
    if (count < BATCH) return deleted;
  }
}

async function deleteExpiredRateLimits(now: Date): Promise<number> {
  return getDb().$executeRaw`DELETE FROM "RateLimit" WHERE "expire" < ${BigInt(now.getTime())}`;
}
