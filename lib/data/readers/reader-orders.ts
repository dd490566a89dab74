import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import type { OnAccountState } from '@/lib/orders/on-account';
import { UNPAID_STATUSES, type OrderStatus } from '@/lib/orders/status';
import { mintTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { READER_ACCOUNT_LIMITS, Rejection, transact } from '@/lib/data/platform/transactions';

// A reader's orders (/compte/commandes): every order placed with the account's e-mail, whatever
// its case, guest orders from before the account included; paid ones and those cancelled or
// refunded after, never an abandoned unpaid one (lib/reader-accounts/saved-address.ts).

export type ReaderOrder = {
  reference: string;
  createdAt: Date;
  totalCents: number;
  status: OrderStatus;
  /** An order on account: to invoice, or invoiced (lib/orders/on-account.ts). */
  onAccount: OnAccountState | null;
};

const UNPAID = [...UNPAID_STATUSES];

export async function listReaderOrders(email: string): Promise<ReaderOrder[]> {
  return getDb().$queryRaw<ReaderOrder[]>`
    SELECT "reference", "createdAt", "totalCents", "status"::text AS "status",
           CASE WHEN "organisationId" IS NULL THEN NULL
                WHEN "paidAt" IS NOT NULL THEN 'paid'
                WHEN EXISTS (SELECT 1 FROM "InvoiceOrder" io WHERE io."orderId" = o."id") THEN 'invoiced'
                ELSE 'to_invoice' END AS "onAccount"
    FROM "Order" o
    WHERE lower("email") = ${email} AND "status"::text <> ALL(${UNPAID})
    ORDER BY "createdAt" DESC, "id" DESC`;
}

const UNKNOWN_ORDER = failure('UNKNOWN_ORDER', 'Cette commande ne figure pas dans votre compte.');

/**
 * "Suivre ma commande": a fresh tracking link for one of the reader's orders
 * (lib/data/customer-mail/tracking-tokens.ts). Another reader's reference is refused like an
 * unknown one.
 */
export async function trackReaderOrder(
  email: string,
  reference: string,
  now: Date,
): Promise<Result<{ token: string }>> {
  return transact(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`
      SELECT "id" FROM "Order"
      WHERE "reference" = ${reference} AND lower("email") = ${email} AND "status"::text <> ALL(${UNPAID})`;
    const order = rows[0];
    if (!order) throw new Rejection(UNKNOWN_ORDER);
    return { ok: true as const, token: await mintTrackingToken(tx, order.id, now) };
  }, READER_ACCOUNT_LIMITS);
}
