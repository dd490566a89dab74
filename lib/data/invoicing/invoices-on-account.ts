import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getDb } from '@/lib/db';
import { daysLate, invoiceBalance, type InvoiceBalance } from '@/lib/invoicing/transfers';
import { parisDayOf } from '@/lib/invoicing/payment-terms';

// The invoices payable by transfer (orders on account), for the back office's list
// (/admin/factures-sur-compte): what each still owes, its due date, how late it is, its last
// reminder. One statement, the sums computed by PostgreSQL.

export type InvoiceOnAccountFilter = 'due' | 'overdue' | 'settled' | 'all';

export type InvoiceOnAccountRow = {
  number: string;
  issuedAt: Date;
  /** YYYY-MM-DD. */
  dueOn: string;
  organisationName: string;
  orderReference: string;
  purchaseOrderNumber: string | null;
  balance: InvoiceBalance;
  daysLate: number;
  /** YYYY-MM-DD, or null when never reminded. */
  lastReminderOn: string | null;
};

export const INVOICES_ON_ACCOUNT_LIMIT = 200;

export async function listInvoicesOnAccount(
  filter: InvoiceOnAccountFilter,
  now = new Date(),
): Promise<InvoiceOnAccountRow[]> {
  const today = parisDayOf(now);
  const rows = await getDb().$queryRaw<
    {
      number: string;
      issuedAt: Date;
      dueOn: string;
      organisationName: string;
      orderReference: string;
      purchaseOrderNumber: string | null;
      totalCents: number;
      creditedCents: number;
      paidCents: number;
      lastReminderOn: string | null;
    }[]
  >`
    SELECT * FROM (
      SELECT i."number", i."issuedAt", to_char(i."dueOn", 'YYYY-MM-DD') AS "dueOn",
             i."buyer"->>'name' AS "organisationName",
             o."reference" AS "orderReference", i."paymentTerms"->>'purchaseOrderNumber' AS "purchaseOrderNumber", i."totalCents",
             COALESCE((SELECT SUM(c."totalCents") FROM "Invoice" c WHERE c."creditedInvoiceId" = i."id"), 0)::int AS "creditedCents",
             COALESCE((SELECT SUM(p."amountCents") FROM "InvoicePayment" p WHERE p."invoiceId" = i."id"), 0)::int AS "paidCents",
             (SELECT to_char(MAX(r."sentOn"), 'YYYY-MM-DD') FROM "PaymentReminder" r WHERE r."invoiceId" = i."id") AS "lastReminderOn"
      FROM "Invoice" i
      JOIN LATERAL (SELECT MIN(io."orderId") AS "orderId" FROM "InvoiceOrder" io WHERE io."invoiceId" = i."id") first ON true
      JOIN "Order" o ON o."id" = first."orderId"
      WHERE i."kind" = 'invoice' AND i."dueOn" IS NOT NULL
    ) t
    WHERE ${
      filter === 'all'
        ? Prisma.sql`true`
        : filter === 'settled'
          ? Prisma.sql`t."totalCents" - t."creditedCents" - t."paidCents" <= 0`
          : filter === 'overdue'
            ? Prisma.sql`t."totalCents" - t."creditedCents" - t."paidCents" > 0 AND t."dueOn" < ${today}`
            : Prisma.sql`t."totalCents" - t."creditedCents" - t."paidCents" > 0`
    }
    ORDER BY t."dueOn" ASC, t."number" ASC
    LIMIT ${INVOICES_ON_ACCOUNT_LIMIT}`;
  return rows.map((row) => {
    const balance = invoiceBalance(row);
    return {
      number: row.number,
      issuedAt: row.issuedAt,
      dueOn: row.dueOn,
      organisationName: row.organisationName,
      orderReference: row.orderReference,
      purchaseOrderNumber: row.purchaseOrderNumber,
      balance,
      daysLate: balance.dueCents > 0 ? daysLate(row.dueOn, today) : 0,
      lastReminderOn: row.lastReminderOn,
    };
  });
}
