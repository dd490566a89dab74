import 'server-only';
import { getDb } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { UNCOLLECTED_AFTER_DAYS } from '@/lib/orders/pickup';
import { dailySeries, salesPeriods, SALES_CHART_DAYS } from '@/lib/stock/sales-periods';
import { countOrdersByStage } from '@/lib/data/order-desk/order-reads';
import { countBooksBelowThreshold } from './stock-levels';

// The back office's home (/admin): the day's work and the shop's figures. Days are the shop's
// (Europe/Paris). Sales are books sold incl. VAT (the orders' goods, not the delivery fees), on
// the day the order was paid, or confirmed for an order on account (paid later by transfer), less
// the books' part of refunds and credit notes on the day they were applied.

/** An instant stored in UTC (timestamp without time zone) as the Paris calendar day. */
const parisDay = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date`;
const SOLD_DAY = parisDay(Prisma.sql`(CASE WHEN o."organisationId" IS NULL THEN o."paidAt" ELSE o."createdAt" END)`);
const APPLIED_DAY = parisDay(Prisma.sql`r."appliedAt"`);

type DayAmount = { day: string; cents: number };

async function salesByDay(fromDay: string, toDay: string): Promise<DayAmount[]> {
  return getDb().$queryRaw<DayAmount[]>`
    WITH sold AS (
      SELECT ${SOLD_DAY} AS day, SUM(o."goodsCents")::int AS cents
      FROM "Order" o WHERE (o."paidAt" IS NOT NULL OR o."organisationId" IS NOT NULL)
        AND ${SOLD_DAY} BETWEEN ${fromDay}::date AND ${toDay}::date
      GROUP BY 1
    ), refunded AS (
      SELECT ${APPLIED_DAY} AS day, SUM(r."amountCents" - r."shippingCents")::int AS cents
      FROM "Refund" r WHERE r."appliedAt" IS NOT NULL AND ${APPLIED_DAY} BETWEEN ${fromDay}::date AND ${toDay}::date
      GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, (COALESCE(s.cents, 0) - COALESCE(r.cents, 0))::int AS cents
    FROM (SELECT day FROM sold UNION SELECT day FROM refunded) d
    LEFT JOIN sold s ON s.day = d.day LEFT JOIN refunded r ON r.day = d.day
    ORDER BY 1`;
}

export type StockValueByTheme = { theme: string; valueCents: number; copies: number };

/**
 * Copies on hand valued at what they cost: the purchase price of the book's last delivery, else
 * its publisher's price excl. VAT less its distributor's usual discount, else the price excl. VAT.
 * Grouped by root theme.
 */
async function stockValueByTheme(): Promise<StockValueByTheme[]> {
  return getDb().$queryRaw<StockValueByTheme[]>`
    SELECT root."name" AS "theme", SUM(s."onHand")::int AS "copies",
           SUM(s."onHand"::bigint * COALESCE(
             (SELECT l."unitCostExclVatCents" FROM "DeliveryLine" l WHERE l."bookId" = b."id" ORDER BY l."id" DESC LIMIT 1),
             ROUND(ROUND(b."publisherPriceCents" * 10000.0 / (10000 + b."vatRateBasisPoints"))
                   * (10000 - COALESCE(p."defaultDiscountBasisPoints", 0)) / 10000.0)
           ))::int AS "valueCents"
    FROM "StockLevel" s
    JOIN "Book" b ON b."id" = s."bookId"
    JOIN "Theme" t ON t."id" = b."themeId"
    JOIN "Theme" root ON root."path" = split_part(t."path", '/', 1)
    LEFT JOIN "Supplier" p ON p."id" = b."supplierId"
    WHERE s."onHand" > 0
    GROUP BY root."name", root."position"
    ORDER BY "valueCents" DESC`;
}

/** Copies sold from the shelf vs ordered from distributors, over the orders sold in the last 30 days. */
async function shelfShare(fromDay: string): Promise<{ fromShelf: number; fromSupplier: number }> {
  const [row] = await getDb().$queryRaw<{ fromShelf: number; fromSupplier: number }[]>`
    SELECT COALESCE(SUM(l."fromStockQuantity"), 0)::int AS "fromShelf",
           COALESCE(SUM(l."backorderQuantity"), 0)::int AS "fromSupplier"
    FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
    WHERE (o."paidAt" IS NOT NULL OR o."organisationId" IS NOT NULL) AND ${SOLD_DAY} >= ${fromDay}::date`;
  return row ?? { fromShelf: 0, fromSupplier: 0 };
}

export async function getDashboard(now = new Date()) {
  const periods = salesPeriods(now);
  const [counts, counter, belowThreshold, daily, month, stockValue, share] = await Promise.all([
    countOrdersByStage(),
    getDb().$queryRaw<{ awaiting: number; ready: number; uncollected: number }[]>`
      SELECT count(*) FILTER (WHERE o."status" = 'paid')::int AS "awaiting",
             count(*) FILTER (WHERE o."status" = 'ready_for_pickup')::int AS "ready",
             count(*) FILTER (WHERE o."status" = 'ready_for_pickup'
               AND COALESCE(o."readyForPickupAt", o."updatedAt") < now() - make_interval(days => ${UNCOLLECTED_AFTER_DAYS}))::int AS "uncollected"
      FROM "Order" o WHERE o."origin" = 'counter' AND o."status" IN ('paid', 'ready_for_pickup')`,
    countBooksBelowThreshold(),
    salesByDay(periods.days[0]!, periods.today),
    salesByDay(periods.monthStart, periods.today),
    stockValueByTheme(),
    shelfShare(periods.days[0]!),
  ]);
  const series = dailySeries(periods.days, daily);
  return {
    toPrepare: counts.byStage.to_prepare ?? 0,
    awaitingSupplier: counts.byStage.awaiting_supplier ?? 0,
    readyForPickup: counts.byStage.ready_for_pickup ?? 0,
    uncollected: counts.uncollected,
    specialOrders: counter[0] ?? { awaiting: 0, ready: 0, uncollected: 0 },
    belowThreshold,
    salesTodayCents: series.at(-1)?.cents ?? 0,
    salesMonthCents: month.reduce((sum, row) => sum + row.cents, 0),
    salesByDay: series,
    chartDays: SALES_CHART_DAYS,
    stockValue,
    share,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
