// What a backup's manifest says of the shop, and what a restore is checked against: the last
// migration, the rows of every table, and the sums and checksums of what must never be lost
// (orders, the stock ledger, refunds, e-mails owed).
import pg from 'pg';
import { z } from 'zod';

export const ShopMeasureSchema = z.object({
  lastMigration: z.string().nullable(),
  tables: z.record(z.string(), z.number().int()),
  orders: z.object({ count: z.number(), totalCents: z.number(), checksum: z.string() }),
  ledger: z.object({ count: z.number(), quantity: z.number(), checksum: z.string() }),
  refunds: z.object({ count: z.number(), amountCents: z.number(), checksum: z.string() }),
  /** Invoices and credit notes; null in a database older than the Invoice table. */
  invoices: z.object({ count: z.number(), checksum: z.string() }).nullable(),
  emails: z.record(z.string(), z.number()),
});
export type ShopMeasure = z.infer<typeof ShopMeasureSchema>;

async function one<T>(client: pg.Client, sql: string): Promise<T> {
  const { rows } = await client.query(sql);
  return rows[0] as T;
}

export async function measureShop(url: string): Promise<ShopMeasure> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One snapshot for every figure.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: tableRows } = await client.query<{ name: string }>(
      `SELECT tablename AS "name" FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const tables: Record<string, number> = {};
    for (const { name } of tableRows) {
      const counted = await one<{ n: string }>(client, `SELECT count(*) AS "n" FROM "${name.replaceAll('"', '""')}"`);
      tables[name] = Number(counted.n);
    }
    const names = new Set(Object.keys(tables));
    const lastMigration = names.has('_prisma_migrations')
      ? ((
          await one<{ name: string | null } | undefined>(
            client,
            `SELECT max(migration_name) AS "name" FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
          )
        )?.name ?? null)
      : null;
    const orders = await one<{ count: string; total: string | null; checksum: string }>(
      client,
      `SELECT count(*) AS "count", sum("totalCents") AS "total",
              md5(coalesce(string_agg(concat_ws(':', "id", "reference", "status", "totalCents", "paidAt"), ',' ORDER BY "id"), '')) AS "checksum"
         FROM "Order"`,
    );
    const ledger = await one<{ count: string; quantity: string | null; checksum: string }>(
      client,
      `SELECT count(*) AS "count", sum("quantity") AS "quantity",
              md5(coalesce(string_agg(concat_ws(':', "id", "bookId", "quantity", "reason", "orderId"), ',' ORDER BY "id"), '')) AS "checksum"
         FROM "StockMovement"`,
    );
    const refunds = await one<{ count: string; amount: string | null; checksum: string }>(
      client,
      `SELECT count(*) AS "count", sum("amountCents") AS "amount",
              md5(coalesce(string_agg(concat_ws(':', "id", "orderId", "amountCents", "appliedAt"), ',' ORDER BY "id"), '')) AS "checksum"
         FROM "Refund"`,
    );
    const invoices = names.has('Invoice')
      ? await one<{ count: string; checksum: string }>(
          client,
          `SELECT count(*) AS "count", md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS "checksum" FROM "Invoice" t`,
        )
      : null;
    const { rows: emailRows } = await client.query<{ status: string; n: string }>(
      `SELECT "status"::text AS "status", count(*) AS "n" FROM "EmailMessage" GROUP BY 1 ORDER BY 1`,
    );
    await client.query('COMMIT');
    return {
      lastMigration,
      tables,
      orders: { count: Number(orders.count), totalCents: Number(orders.total ?? 0), checksum: orders.checksum },
      ledger: { count: Number(ledger.count), quantity: Number(ledger.quantity ?? 0), checksum: ledger.checksum },
      refunds: { count: Number(refunds.count), amountCents: Number(refunds.amount ?? 0), checksum: refunds.checksum },
      invoices: invoices ? { count: Number(invoices.count), checksum: invoices.checksum } : null,
      emails: Object.fromEntries(emailRows.map((row) => [row.status, Number(row.n)])),
    };
  } finally {
    await client.end();
  }
}
