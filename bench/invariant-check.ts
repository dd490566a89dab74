// `npm run bench:invariants`: the cost of the invariant check (lib/data/watch/invariants.ts) at a
// million titles, against the cheapest way to read the same ledger in the same run.
//
//   npm run bench:invariants                  # 1,000,000 books, 50,000 orders shipped
//   BENCH_BOOKS=100000 BENCH_ORDERS=10000 npm run bench:invariants
//
// The catalog comes from bench/lib/scratch-catalog.ts (a scratch embedded PostgreSQL, or
// BENCH_DATABASE_<size>); orders sold from the shelf, each with its line and its SALE movement,
// are added with plain SQL. Prints the check's median time over three runs and, as the baseline,
// the ledger rule alone in one statement over every book (what any check of the stock must read).
// It must find no violation: the data is the shop's own.
import pg from 'pg';
import { z } from 'zod';
import { freePort } from '../scripts/test/database';
import { percentile } from './lib/percentile';
import { withCatalog } from './lib/scratch-catalog';

const BenchEnvSchema = z.object({
  BENCH_BOOKS: z.coerce.number().int().min(1_000).max(5_000_000).default(1_000_000),
  BENCH_ORDERS: z.coerce.number().int().min(0).max(1_000_000).default(50_000),
});

const RUNS = 3;

/** Orders shipped, paid before invoices existed (so none is owed), one copy each of a book on the shelf. */
async function addShippedOrders(client: pg.Client, count: number): Promise<void> {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO "Order" ("reference", "status", "email", "fullName", "phone", "deliveryMethod", "goodsCents",
       "shippingCents", "totalCents", "pricing", "holdExpiresAt", "paidAt", "createdAt", "updatedAt")
     SELECT 'BENCH-' || g, 'shipped', 'lecteur@example.fr', 'Lecteur', '+33600000000', 'shop_pickup', 2000, 0, 2000,
       '{}', '2026-01-01', '2026-01-01', '2026-01-01', '2026-01-01'
     FROM generate_series(1, $1::int) g`,
    [count],
  );
  await client.query(`
    CREATE TEMP TABLE sold AS
    SELECT o."id" AS "orderId", o."reference", b."id" AS "bookId", b."ean", b."title"
    FROM (SELECT "id", "reference", row_number() OVER (ORDER BY "id") AS n FROM "Order" WHERE "reference" LIKE 'BENCH-%') o
    JOIN (SELECT b."id", b."ean", b."title", row_number() OVER (ORDER BY b."id") AS n
          FROM "Book" b JOIN "StockLevel" s ON s."bookId" = b."id" WHERE s."onHand" >= 1) b ON b.n = o.n`);
  await client.query(`
    INSERT INTO "OrderLine" ("orderId", "bookId", "ean", "title", "quantity", "unitPriceCents", "lineTotalCents",
      "vatRateBasisPoints", "fromStockQuantity", "backorderQuantity", "shipWithinMinDays", "shipWithinMaxDays")
    SELECT "orderId", "bookId", "ean", "title", 1, 2000, 2000, 550, 1, 0, 1, 2 FROM sold`);
  await client.query(`
    INSERT INTO "StockMovement" ("bookId", "quantity", "reason", "reference", "orderId")
    SELECT "bookId", -1, 'SALE', "reference", "orderId" FROM sold`);
  await client.query(`UPDATE "StockLevel" s SET "onHand" = s."onHand" - 1 FROM sold WHERE s."bookId" = sold."bookId"`);
  await client.query('COMMIT');
}

async function main() {
  const env = BenchEnvSchema.parse(process.env);
  if (!process.execArgv.some((arg) => arg.includes('react-server'))) {
    throw new Error('Run it with npm run bench:invariants (lib/data is server-only: --conditions=react-server).');
  }
  await withCatalog(env.BENCH_BOOKS, await freePort(), async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    Object.assign(process.env, {
      DATABASE_URL: url,
      SITE_URL: 'http://localhost:3000',
      COOKIE_SECRET: 'bench-invariant-check-cookie-secret-0123456789',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_invariant_check',
      STRIPE_EMULATOR_URL: 'http://127.0.0.1:9',
    });
    const { runInvariantCheck } = await import('../lib/data/watch/invariants');
    const { getDb } = await import('../lib/db');
    try {
      await addShippedOrders(client, env.BENCH_ORDERS);
      await client.query('VACUUM ANALYZE');
      const { rows } = await client.query<{ books: number; movements: number; orders: number }>(
        `SELECT (SELECT count(*) FROM "Book")::int AS "books", (SELECT count(*) FROM "StockMovement")::int AS "movements",
                (SELECT count(*) FROM "Order")::int AS "orders"`,
      );
      const sizes = rows[0]!;
      const check: number[] = [];
      const baseline: number[] = [];
      let violations = 0;
      for (let run = 0; run < RUNS; run += 1) {
        let started = performance.now();
        await client.query(`
          SELECT count(*) FROM "Book" b
          LEFT JOIN "StockLevel" s ON s."bookId" = b."id"
          LEFT JOIN (SELECT "bookId", SUM("quantity") AS total FROM "StockMovement" GROUP BY "bookId") l
            ON l."bookId" = b."id"
          WHERE COALESCE(s."onHand", 0) <> COALESCE(l.total, 0)`);
        baseline.push(performance.now() - started);
        started = performance.now();
        const result = await runInvariantCheck();
        check.push(performance.now() - started);
        violations = result?.violationCount ?? -1;
      }
      const checkMs = percentile(check, 50);
      const baselineMs = percentile(baseline, 50);
      console.log(
        [
          `Données : ${sizes.books.toLocaleString('fr-FR')} livres, ${sizes.movements.toLocaleString('fr-FR')} mouvements, ${sizes.orders.toLocaleString('fr-FR')} commandes.`,
          `Contrôle des invariants (médiane de ${RUNS}) : ${(checkMs / 1000).toFixed(2)} s ; anomalies : ${violations}.`,
          `Référence, la règle du registre seule en une requête sur tous les livres : ${(baselineMs / 1000).toFixed(2)} s.`,
          `Rapport : ${(checkMs / baselineMs).toFixed(2)}×.`,
        ].join('\n'),
      );
      if (violations !== 0) process.exitCode = 1;
    } finally {
      await client.end();
      await getDb().$disconnect();
    }
  });
}

void main();
