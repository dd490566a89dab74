import 'server-only';
import { formatDateTime } from '@/lib/core/date-time';
import { formatPrice } from '@/lib/core/money';
import type { Violation } from '@/lib/invariants/invariants';
import type { Tx } from '@/lib/data/platform/transactions';

// The invariant check's reads (lib/invariants/invariants.ts names the rules), each run inside the
// check's one REPEATABLE READ snapshot. Books and orders are read in ranges of ids, so that no
// statement outlives the pool's statement timeout at a million titles; the rows they return are
// the violations only.

/** Books per statement: at a million titles, twenty statements of a few hundred milliseconds. */
export const BOOK_RANGE = 50_000;
/** Orders per statement. */
export const ORDER_RANGE = 20_000;

type StockRow = {
  ean: string;
  title: string;
  onHand: number | null;
  held: number | null;
  ledger: number;
  activeHolds: number;
};

/** Books whose copies on hand or held copies disagree with the ledger or the active holds. */
export async function stockViolations(tx: Tx, afterId: number, upToId: number): Promise<Violation[]> {
  const rows = await tx.$queryRaw<StockRow[]>`
    WITH ledger AS (
      SELECT "bookId", SUM("quantity")::int AS total FROM "StockMovement"
      WHERE "bookId" > ${afterId} AND "bookId" <= ${upToId} GROUP BY "bookId"
    ), holds AS (
      SELECT "bookId", SUM("quantity")::int AS total FROM "Hold"
      WHERE "status" = 'active' AND "bookId" > ${afterId} AND "bookId" <= ${upToId} GROUP BY "bookId"
    )
    SELECT b."ean", b."title", s."onHand", s."held",
           COALESCE(l.total, 0) AS "ledger", COALESCE(h.total, 0) AS "activeHolds"
    FROM "Book" b
    LEFT JOIN "StockLevel" s ON s."bookId" = b."id"
    LEFT JOIN ledger l ON l."bookId" = b."id"
    LEFT JOIN holds h ON h."bookId" = b."id"
    WHERE b."id" > ${afterId} AND b."id" <= ${upToId}
      AND (COALESCE(s."onHand", 0) <> COALESCE(l.total, 0) OR COALESCE(s."held", 0) <> COALESCE(h.total, 0))
    ORDER BY b."id"`;
  return rows.flatMap((row) => {
    const subject = { kind: 'book' as const, ean: row.ean, title: row.title };
    const onHand = row.onHand ?? 0;
    const held = row.held ?? 0;
    const found: Violation[] = [];
    if (onHand !== row.ledger)
      found.push({
        invariant: 'stock_ledger',
        subject,
        detail: `en rayon : ${onHand} ; somme du registre : ${row.ledger}`,
      });
    if (held !== row.activeHolds)
      found.push({
        invariant: 'stock_held',
        subject,
        detail: `réservés : ${held} ; réservations en cours : ${row.activeHolds}`,
      });
    return found;
  });
}

type OrderLineRow = {
  reference: string;
  ean: string;
  title: string;
  quantity: number;
  fromStock: number;
  received: number;
  refunded: number;
  taken: number;
};

/**
 * Lines of orders past payment whose copies taken from the shelf for them (at the sale, or
 * received from the distributor and set aside) did not all leave the ledger as SALE or
 * ORDER_ALLOCATION. A refund puts
 * copies back with a movement of its own (SALE_CANCELLED) and changes neither count. An order paid
 * after its hold expired, whose copies had gone, took nothing and was refunded whole.
 */
export async function orderLineViolations(tx: Tx, afterId: number, upToId: number): Promise<Violation[]> {
  const rows = await tx.$queryRaw<OrderLineRow[]>`
    WITH lines AS (
      SELECT l."orderId", l."bookId", SUM(l."quantity")::int AS "quantity",
             SUM(l."fromStockQuantity")::int AS "fromStock",
             SUM(l."receivedQuantity")::int AS "received", SUM(l."refundedQuantity")::int AS "refunded"
      FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
      WHERE o."id" > ${afterId} AND o."id" <= ${upToId}
        AND o."status" NOT IN ('pending_payment', 'payment_failed', 'expired', 'replaced')
      GROUP BY l."orderId", l."bookId"
    ), taken AS (
      SELECT "orderId", "bookId", (-SUM("quantity"))::int AS "copies" FROM "StockMovement"
      WHERE "orderId" > ${afterId} AND "orderId" <= ${upToId} AND "reason" IN ('SALE', 'ORDER_ALLOCATION')
      GROUP BY "orderId", "bookId"
    )
    SELECT o."reference", b."ean", b."title", lines."quantity", lines."fromStock", lines."received", lines."refunded", COALESCE(t."copies", 0) AS "taken"
    FROM lines
    JOIN "Order" o ON o."id" = lines."orderId"
    JOIN "Book" b ON b."id" = lines."bookId"
    LEFT JOIN taken t ON t."orderId" = lines."orderId" AND t."bookId" = lines."bookId"
    WHERE COALESCE(t."copies", 0) <> lines."fromStock" + lines."received"
      AND NOT (COALESCE(t."copies", 0) = 0 AND lines."refunded" = lines."quantity")
    ORDER BY lines."orderId", lines."bookId"`;
  return rows.map((row) => ({
    invariant: 'order_line_stock',
    subject: { kind: 'order', reference: row.reference },
    detail: `« ${row.title} » (EAN ${row.ean}) : ${row.fromStock + row.received} exemplaire(s) vendus du rayon ou reçus pour elle, ${row.taken} sorti(s) du registre`,
  }));
}

/** Orders paid since invoices were issued (`invoicingSince`) that have none. */
export async function orderInvoiceViolations(
  tx: Tx,
  afterId: number,
  upToId: number,
  invoicingSince: Date,
): Promise<Violation[]> {
  const rows = await tx.$queryRaw<{ reference: string; paidAt: Date }[]>`
    SELECT o."reference", o."paidAt" FROM "Order" o
    WHERE o."id" > ${afterId} AND o."id" <= ${upToId} AND o."paidAt" >= ${invoicingSince}
      AND NOT EXISTS (SELECT 1 FROM "InvoiceOrder" io WHERE io."orderId" = o."id")
    ORDER BY o."id"`;
  return rows.map((row) => ({
    invariant: 'order_invoice',
    subject: { kind: 'order', reference: row.reference },
    detail: `payée le ${formatDateTime(row.paidAt)}, sans facture`,
  }));
}

/** Applied refunds of invoiced orders without their credit note. */
export async function creditNoteViolations(tx: Tx): Promise<Violation[]> {
  const rows = await tx.$queryRaw<{ id: number; reference: string; amountCents: number }[]>`
    SELECT r."id", o."reference", r."amountCents" FROM "Refund" r JOIN "Order" o ON o."id" = r."orderId"
    WHERE r."appliedAt" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "InvoiceOrder" io WHERE io."orderId" = r."orderId")
      AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."refundId" = r."id")
    ORDER BY r."id"`;
  return rows.map((row) => ({
    invariant: 'refund_credit_note',
    subject: { kind: 'refund', id: row.id, orderReference: row.reference },
    detail: `${formatPrice(row.amountCents)} remboursés, sans avoir`,
  }));
}

/**
 * Series and years (kept for ten years: Code de commerce L123-22) whose numbers are not exactly
 * 1…last of their counter. The unique index on (series, year, sequence) already refuses a repeat.
 */
export async function invoiceSequenceViolations(tx: Tx, now: Date): Promise<Violation[]> {
  const rows = await tx.$queryRaw<
    {
      series: string;
      year: number;
      issued: number;
      first: number | null;
      highest: number | null;
      last: number | null;
    }[]
  >`
    WITH issued AS (
      SELECT "series", "year", COUNT(*)::int AS "issued", MIN("sequence") AS "first", MAX("sequence") AS "highest"
      FROM "Invoice" GROUP BY "series", "year"
    )
    SELECT COALESCE(i."series", c."series") AS "series", COALESCE(i."year", c."year") AS "year",
           COALESCE(i."issued", 0) AS "issued", i."first", i."highest", c."last"
    FROM issued i FULL JOIN "InvoiceCounter" c ON c."series" = i."series" AND c."year" = i."year"
    WHERE COALESCE(i."year", c."year") >= ${now.getUTCFullYear() - 10}
      AND (COALESCE(i."issued", 0) <> COALESCE(c."last", 0)
        OR COALESCE(i."highest", 0) <> COALESCE(c."last", 0)
        OR COALESCE(i."first", 1) <> 1)
    ORDER BY 2, 1`;
  return rows.map((row) => ({
    invariant: 'invoice_sequence',
    subject: { kind: 'invoice_series', series: row.series, year: row.year },
    detail: `${row.issued} pièce(s) numérotées de ${row.first ?? '–'} à ${row.highest ?? '–'} ; compteur : ${row.last ?? 'absent'}`,
  }));
}

/** E-mails failed after every try, or pending since before `pendingSince` (their job lost or stuck). */
export async function emailViolations(tx: Tx, pendingSince: Date): Promise<Violation[]> {
  const rows = await tx.$queryRaw<
    {
      id: number;
      status: 'pending' | 'failed';
      order: string | null;
      request: string | null;
      alert: number | null;
      lastError: string | null;
    }[]
  >`
    SELECT e."id", e."status"::text AS "status", o."reference" AS "order", r."reference" AS "request",
           e."availabilityAlertId" AS "alert", e."lastError"
    FROM "EmailMessage" e
    LEFT JOIN "Order" o ON o."id" = e."orderId"
    LEFT JOIN "BookRequest" r ON r."id" = e."bookRequestId"
    WHERE e."status" = 'failed' OR (e."status" = 'pending' AND e."createdAt" < ${pendingSince})
    ORDER BY e."id"`;
  return rows.map((row) => ({
    invariant: 'email_stuck',
    subject: {
      kind: 'email',
      id: row.id,
      about: row.order
        ? `commande ${row.order}`
        : row.request
          ? `demande ${row.request}`
          : row.alert
            ? `alerte de disponibilité n° ${row.alert}`
            : 'connexion à un compte',
      status: row.status,
    },
    // Not the server's answer: it may name the address, and a check's record is kept a week. The
    // outbox (/admin/emails) shows it.
    detail:
      row.status === 'failed'
        ? 'en échec après toutes ses tentatives'
        : 'toujours en attente après le délai de toutes ses tentatives',
  }));
}

/** Tags whose purge was due before `dueBefore` and is still unsent, the oldest first; and how many in all. */
export async function frontCachePurgeViolations(
  tx: Tx,
  dueBefore: Date,
  listed: number,
): Promise<{ violations: Violation[]; total: number }> {
  const [count] = await tx.$queryRaw<{ total: number }[]>`
    SELECT COUNT(DISTINCT "tag")::int AS "total" FROM "FrontCachePurge" WHERE "dueAt" < ${dueBefore}`;
  const rows = await tx.$queryRaw<{ tag: string; dueAt: Date }[]>`
    SELECT "tag", MIN("dueAt") AS "dueAt" FROM "FrontCachePurge" WHERE "dueAt" < ${dueBefore}
    GROUP BY "tag" ORDER BY MIN("dueAt") LIMIT ${listed}`;
  return {
    total: count?.total ?? 0,
    violations: rows.map((row) => ({
      invariant: 'front_cache_purge',
      subject: { kind: 'front_cache_tag', tag: row.tag },
      detail: `purge due le ${formatDateTime(row.dueAt)}, jamais envoyée`,
    })),
  };
}
